package org.mastery.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mastery.gateway.support.GatewayTestBase;
import org.mastery.gateway.support.StubService;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/** CORS for configured web origins, and the correlation id carried from client to service and log. */
@ExtendWith(OutputCaptureExtension.class)
class CorsAndCorrelationTest extends GatewayTestBase {

    private static final String ID = "X-Correlation-Id";

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAToken() {
        client.options().uri("/api/frameworks")
                .header(HttpHeaders.ORIGIN, "https://app.district.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,x-correlation-id")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.district.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, v -> assertThat(v).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, v -> assertThat(v.toLowerCase())
                        .contains("authorization").contains("content-type").contains("x-correlation-id"))
                .expectHeader().exists(HttpHeaders.ACCESS_CONTROL_MAX_AGE);
        // wildcard origin patterns work too
        client.options().uri("/api/reports/classes/k-1/mastery-map")
                .header(HttpHeaders.ORIGIN, "https://north.schools.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://north.schools.example");
        assertThat(CURRICULUM.received()).noneMatch(r -> r.method().equals("OPTIONS"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefusedWithProblemJson() {
        client.options().uri("/api/frameworks")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("CORS request refused");
    }

    @Test
    void crossOriginAnswersCarryTheCorsHeadersAndExposeTheCorrelationId() {
        client.get().uri("/api/frameworks/f-cors")
                .header(HttpHeaders.ORIGIN, "https://app.district.example")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken()))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.district.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, v -> assertThat(v).contains(ID).contains("Retry-After"));
        // errors too, so a browser can read them
        client.get().uri("/api/frameworks/f-cors")
                .header(HttpHeaders.ORIGIN, "https://app.district.example")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.district.example");
    }

    @Test
    void aSafeCorrelationIdIsPassedToTheServiceEchoedAndLogged(CapturedOutput output) {
        String id = "web-" + UUID.randomUUID();
        client.get().uri("/api/competencies/c-corr")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken()))
                .header(ID, id)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(ID, id);
        assertThat(last(CURRICULUM, "/api/competencies/c-corr").header(ID)).isEqualTo(id);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("GET /api/competencies/c-corr -> 200 route=curriculum")
                .contains("correlationId=" + id));
    }

    @Test
    void aMissingOrUnsafeCorrelationIdIsReplacedByAGeneratedOne() {
        EntityExchangeResult<byte[]> missing = client.get().uri("/api/attempts/a-corr")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken()))
                .exchange().expectStatus().isOk().expectBody().returnResult();
        String generated = missing.getResponseHeaders().getFirst(ID);
        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(last(ASSESSMENT, "/api/attempts/a-corr").header(ID)).isEqualTo(generated);

        String unsafe = "abc def<script>";
        EntityExchangeResult<byte[]> replaced = client.get().uri("/api/attempts/a-corr2")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken()))
                .header(ID, unsafe)
                .exchange().expectStatus().isOk().expectBody().returnResult();
        String id = replaced.getResponseHeaders().getFirst(ID);
        assertThat(id).isNotEqualTo(unsafe).matches("[0-9a-f-]{36}");
        assertThat(last(ASSESSMENT, "/api/attempts/a-corr2").header(ID)).isEqualTo(id);
    }

    @Test
    void theGatewaysOwnErrorsCarryTheCorrelationIdToo() {
        client.get().uri("/api/frameworks/f-1")
                .header(ID, "support-ticket-42")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(ID, "support-ticket-42");
        client.get().uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken()))
                .header(ID, "support-ticket-43")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(ID, "support-ticket-43");
    }

    private static StubService.Received last(StubService stub, String path) {
        var received = stub.receivedOn(path);
        assertThat(received).isNotEmpty();
        return received.get(received.size() - 1);
    }
}

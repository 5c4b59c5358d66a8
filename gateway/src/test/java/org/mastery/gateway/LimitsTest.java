package org.mastery.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mastery.gateway.support.GatewayTestBase;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Request size limits (413) and per-client rate limits (429 with Retry-After). */
class LimitsTest extends GatewayTestBase {

    private static final int ONE_AND_A_HALF_MB = 1_536 * 1024;

    @Test
    void aBodyLargerThanTheRouteLimitIsRefusedWith413BeforeReachingTheService() {
        client.post().uri("/api/frameworks/too-big")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(ONE_AND_A_HALF_MB))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Payload too large")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("1048576 bytes"));
        assertThat(CURRICULUM.receivedOn("/api/frameworks/too-big")).isEmpty();
    }

    @Test
    void aStreamedBodyWithoutContentLengthIsCutOffAtTheLimit() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        Flux<DataBuffer> body = Flux.range(0, 24).map(i -> buffers.wrap(chunk)); // 1.5 MB, chunked
        client.post().uri("/api/students/s-1/reflections")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(body, DataBuffer.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Payload too large");
        assertThat(PROGRESSION.receivedOn("/api/students/s-1/reflections")).allMatch(r -> r.bodyBytes() <= 1024 * 1024);

        // a streamed body within the limit goes through whole
        client.post().uri("/api/students/s-1/goals")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(Flux.range(0, 4).map(i -> buffers.wrap(chunk)), DataBuffer.class)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(4 * 64 * 1024);
        // the cut-off is the client's fault: it did not count against the service's breaker
        assertThat(circuitBreakers.circuitBreaker("progression-service").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void importRoutesAcceptLargerBodies() {
        client.post().uri("/api/frameworks/import/case")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken("TEACHER")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(ONE_AND_A_HALF_MB))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(ONE_AND_A_HALF_MB);
        client.post().uri("/api/xapi/statements")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken("TEACHER")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(ONE_AND_A_HALF_MB))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bodyBytes").isEqualTo(ONE_AND_A_HALF_MB);
    }

    @Test
    void eachClientIsRateLimitedWith429AndRetryAfter() {
        String busy = freshToken();
        String other = freshToken();
        // the test context allows a burst of 20 per client, refilled at one per 20 s
        for (int i = 0; i < 20; i++) {
            client.get().uri("/api/reports/students/s-" + i)
                    .header(HttpHeaders.AUTHORIZATION, bearer(busy))
                    .exchange()
                    .expectStatus().isOk();
        }
        int before = REPORTING.receivedOn("/api/reports/students/s-limited").size();
        client.get().uri("/api/reports/students/s-limited")
                .header(HttpHeaders.AUTHORIZATION, bearer(busy))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Long.parseLong(v)).isBetween(1L, 20L))
                .expectBody()
                .jsonPath("$.title").isEqualTo("Too many requests")
                .jsonPath("$.retryAfterSeconds").isNumber();
        assertThat(REPORTING.receivedOn("/api/reports/students/s-limited")).hasSize(before);

        // another client (another token subject) is not affected
        client.get().uri("/api/reports/students/s-limited")
                .header(HttpHeaders.AUTHORIZATION, bearer(other))
                .exchange()
                .expectStatus().isOk();
    }

    private static String json(int size) {
        StringBuilder body = new StringBuilder(size).append("{\"data\":\"");
        while (body.length() < size - 2) {
            body.append('x');
        }
        return body.append("\"}").toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

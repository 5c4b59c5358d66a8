package org.mastery.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mastery.gateway.support.GatewayTestBase;
import org.mastery.gateway.support.StubService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Which paths reach which service, and what is never routed. */
class RoutingTest extends GatewayTestBase {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,  /api/frameworks/f-1,                         curriculum-service",
            "POST, /api/frameworks,                             curriculum-service",
            "POST, /api/frameworks/import/case,                 curriculum-service",
            "PUT,  /api/competencies/c-1,                       curriculum-service",
            "POST, /api/courses,                                curriculum-service",
            "POST, /api/classes/k-1/enrollments,                curriculum-service",
            "POST, /api/roster/import/oneroster,                curriculum-service",
            "POST, /api/assessments,                            assessment-service",
            "POST, /api/attempts/a-1/submit,                    assessment-service",
            "POST, /api/xapi/statements,                        assessment-service",
            "GET,  /api/students/s-1/progression,               progression-service",
            "GET,  /api/reports/classes/k-1/mastery-map,        reporting-service",
            "GET,  /api/audit/students/s-1/history,             reporting-service",
    })
    void routesEachPathToItsService(String method, String path, String service) {
        StubService stub = STUBS.get(service);
        int before = stub.receivedOn(path).size();

        client.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path + "?asOf=2026-11-01T00:00:00Z")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.method").isEqualTo(method)
                .jsonPath("$.path").isEqualTo(path)
                .jsonPath("$.query").isEqualTo("asOf=2026-11-01T00:00:00Z");

        assertThat(stub.receivedOn(path)).hasSize(before + 1);
        STUBS.values().stream().filter(other -> other != stub)
                .forEach(other -> assertThat(other.receivedOn(path)).as(other.name()).isEmpty());
    }

    @Test
    void anUnknownApiPathIsNotFoundAsProblemJson() {
        client.get().uri("/api/grades/g-1")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken()))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.detail").isNotEmpty();
        STUBS.values().forEach(stub -> assertThat(stub.receivedAnyStartingWith("/api/grades")).isFalse());

        // outside /api as well
        client.get().uri("/students/s-1/progression")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken()))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void internalPathsAreNeverRouted() {
        String token = freshToken("ADMIN");
        client.get().uri("/internal/replay")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/internal/projections/rebuild")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        // nor through a route's prefix by path traversal, plain or encoded
        for (String sneaky : new String[] {
                "/api/frameworks/../../internal/replay",
                "/api/frameworks/%2e%2e/%2e%2e/internal/replay",
                "/api/frameworks/..%2f..%2finternal/replay",
                "/api/students/s-1/%2F..%2F..%2Finternal/replay"}) {
            client.get().uri(URI.create("http://127.0.0.1:" + port + sneaky))
                    .header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange()
                    .expectStatus().value(status -> assertThat(status).as(sneaky).isIn(400, 404))
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        STUBS.values().forEach(stub -> assertThat(stub.received())
                .noneMatch(r -> r.path().toLowerCase().contains("internal")));
    }

    @Test
    void theGatewaysOwnActuatorEndpointsOtherThanHealthAreNotExposed() {
        client.get().uri("/actuator/gateway/routes")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken("ADMIN")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}

package org.mastery.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.mastery.gateway.support.GatewayTestBase;
import org.mastery.gateway.support.StubService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * A stopped or slow service is answered for by the gateway with problem+json naming the service,
 * within the route's timeout, while the other routes keep working; reads are retried, writes never.
 */
class ResilienceTest extends GatewayTestBase {

    @Test
    void aStoppedServiceAnswers503ProblemJsonWhileOtherRoutesKeepWorking() {
        String token = freshToken();
        long baseline = timeOk("/api/students/s-1/progression", token);
        PROGRESSION.stop();

        long started = System.nanoTime();
        client.get().uri("/api/students/s-1/progression")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Service unavailable")
                .jsonPath("$.service").isEqualTo("progression-service")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("progression-service").contains("could not be reached"));
        long downMillis = (System.nanoTime() - started) / 1_000_000;
        // writes get the same answer (and are not retried: there is no one to retry against anyway)
        client.post().uri("/api/students/s-1/goals")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        // the other services are still served
        client.get().uri("/api/reports/students/s-1").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo("reporting-service");
        client.get().uri("/api/frameworks/f-1").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo("curriculum-service");
        client.get().uri("/api/assessments/a-1").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo("assessment-service");

        System.out.printf("[measure] routed GET with the service up: %d ms; with the service stopped, 503 after %d ms "
                + "(route response timeout 1500 ms)%n", baseline, downMillis);
    }

    @Test
    void afterRepeatedFailuresTheBreakerOpensAndAnswers503WithoutCallingTheService() {
        String token = freshToken();
        PROGRESSION.stop();
        CircuitBreaker breaker = circuitBreakers.circuitBreaker("progression-service");
        int calls = 0;
        while (breaker.getState() != CircuitBreaker.State.OPEN && calls < 12) {
            client.get().uri("/api/students/s-2/progression").header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange().expectStatus().isEqualTo(503);
            calls++;
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        // only this service's breaker opened
        assertThat(circuitBreakers.circuitBreaker("reporting-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        // the service comes back, but while the breaker is open the gateway does not call it
        PROGRESSION.start();
        int before = PROGRESSION.received().size();
        client.get().uri("/api/students/s-2/progression").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "60")
                .expectBody()
                .jsonPath("$.service").isEqualTo("progression-service")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("progression-service").contains("circuit breaker is open"));
        assertThat(PROGRESSION.received().stream().filter(r -> r.path().startsWith("/api/"))).hasSize(
                (int) PROGRESSION.received().subList(0, before).stream().filter(r -> r.path().startsWith("/api/")).count());

        // other routes are unaffected
        client.get().uri("/api/reports/students/s-2").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isOk();

        // once the breaker lets calls through again, the service is served
        breaker.transitionToHalfOpenState();
        client.get().uri("/api/students/s-2/progression").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aServiceSlowerThanTheRouteTimeoutAnswers504ProblemJson() {
        String token = freshToken();
        long started = System.nanoTime();
        client.get().uri("/api/frameworks/slow/f-1")
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Gateway timeout")
                .jsonPath("$.service").isEqualTo("curriculum-service")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("curriculum-service").contains("1500 ms"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        // a time-out is not retried: the stub saw the request once
        assertThat(CURRICULUM.receivedOn("/api/frameworks/slow/f-1")).hasSize(1);
        System.out.printf("[measure] service answering after %d ms: 504 after %d ms (route response timeout 1500 ms)%n",
                StubService.SLOW_MILLIS, millis);
    }

    @Test
    void readsAreRetriedAfterAConnectionFailureButWritesAreNot() {
        String token = freshToken();
        client.get().uri("/api/reports/flaky/read-1").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("reporting-service");
        assertThat(REPORTING.receivedOn("/api/reports/flaky/read-1")).hasSize(2);

        client.post().uri("/api/reports/flaky/write-1").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("reporting-service"));
        assertThat(REPORTING.receivedOn("/api/reports/flaky/write-1")).hasSize(1);
    }

    @Test
    void readsAreRetriedOnA503FromTheServiceButNotOnA500() {
        String token = freshToken();
        client.get().uri("/api/students/status/503/r-1").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isEqualTo(503);
        assertThat(PROGRESSION.receivedOn("/api/students/status/503/r-1")).hasSize(3); // first try + 2 retries

        client.get().uri("/api/students/status/500/r-1").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isEqualTo(500);
        assertThat(PROGRESSION.receivedOn("/api/students/status/500/r-1")).hasSize(1);

        client.post().uri("/api/students/status/503/w-1").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(503);
        assertThat(PROGRESSION.receivedOn("/api/students/status/503/w-1")).hasSize(1);
    }

    private long timeOk(String path, String token) {
        long started = System.nanoTime();
        EntityExchangeResult<byte[]> result = client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange().expectStatus().isOk().expectBody().returnResult();
        assertThat(result.getResponseBody()).isNotEmpty();
        return (System.nanoTime() - started) / 1_000_000;
    }
}

package org.mastery.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mastery.gateway.support.GatewayTestBase;
import org.mastery.gateway.support.StubService;
import org.mastery.gateway.support.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** A valid bearer token from the configured issuer is required, and relayed unchanged. */
class AuthenticationTest extends GatewayTestBase {

    private static final String PATH = "/api/students/s-auth/progression";

    @Test
    void withoutATokenTheAnswerIs401ProblemJsonAndNothingReachesTheService() {
        int before = PROGRESSION.receivedOn(PATH).size();
        client.get().uri(PATH)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthenticated")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("bearer token"));
        assertThat(PROGRESSION.receivedOn(PATH)).hasSize(before);
    }

    @Test
    void invalidTokensAreRefusedWith401ProblemJson() {
        int before = PROGRESSION.receivedOn(PATH).size();
        String[] invalid = {
                "not-a-jwt",
                TestTokens.expired("s-auth"),
                TestTokens.fromOtherIssuer("s-auth"),
                TestTokens.signedByStranger("s-auth"),
                // a valid token with its payload swapped: the signature no longer matches
                tamper(TestTokens.token("s-auth", "STUDENT"), TestTokens.token("someone-else", "ADMIN"))};
        for (String token : invalid) {
            client.get().uri(PATH)
                    .header(HttpHeaders.AUTHORIZATION, bearer(token))
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, v -> assertThat(v).contains("invalid_token"))
                    .expectBody()
                    .jsonPath("$.title").isEqualTo("Unauthenticated")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).contains("not valid"));
        }
        assertThat(PROGRESSION.receivedOn(PATH)).hasSize(before);
    }

    @Test
    void aValidTokenIsRelayedUnchangedToTheService() {
        String token = TestTokens.token("teacher-relay", "TEACHER");
        client.get().uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange()
                .expectStatus().isOk();
        StubService.Received received = PROGRESSION.receivedOn(PATH).get(PROGRESSION.receivedOn(PATH).size() - 1);
        assertThat(received.header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
    }

    @Test
    void healthAndApiDocsAreOpen() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/v3/api-docs/reporting").exchange().expectStatus().isOk();
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    private static String tamper(String token, String donor) {
        String[] parts = token.split("\\.");
        String[] other = donor.split("\\.");
        return parts[0] + "." + other[1] + "." + parts[2];
    }
}

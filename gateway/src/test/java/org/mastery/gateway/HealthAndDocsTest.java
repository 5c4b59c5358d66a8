package org.mastery.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mastery.gateway.support.GatewayTestBase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** One health call shows the whole system; one Swagger UI lists every service's API. */
class HealthAndDocsTest extends GatewayTestBase {

    @Test
    void healthIsUpAndIncludesEveryServicesReadiness() {
        int before = REPORTING.receivedOn("/actuator/health/readiness").size();
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.services.status").isEqualTo("UP")
                .jsonPath("$.components.services.components['curriculum-service'].status").isEqualTo("UP")
                .jsonPath("$.components.services.components['assessment-service'].status").isEqualTo("UP")
                .jsonPath("$.components.services.components['progression-service'].status").isEqualTo("UP")
                .jsonPath("$.components.services.components['reporting-service'].status").isEqualTo("UP")
                // details (internal addresses) only for administrators
                .jsonPath("$.components.services.components['reporting-service'].details").doesNotExist()
                // no service discovery here, so no "UNKNOWN" discovery components
                .jsonPath("$.components.discoveryComposite").doesNotExist()
                .jsonPath("$.components.reactiveDiscoveryClients").doesNotExist();
        assertThat(REPORTING.receivedOn("/actuator/health/readiness")).hasSizeGreaterThan(before);
    }

    @Test
    void healthShowsAStoppedServiceAsDownAndTheOthersUp() {
        ASSESSMENT.stop();
        client.get().uri("/actuator/health")
                .header(HttpHeaders.AUTHORIZATION, bearer(freshToken("ADMIN")))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody()
                .jsonPath("$.status").isEqualTo("DOWN")
                .jsonPath("$.components.services.components['assessment-service'].status").isEqualTo("DOWN")
                .jsonPath("$.components.services.components['assessment-service'].details.url").isEqualTo(ASSESSMENT.url() + "/actuator/health/readiness")
                .jsonPath("$.components.services.components['curriculum-service'].status").isEqualTo("UP")
                .jsonPath("$.components.services.components['progression-service'].status").isEqualTo("UP")
                .jsonPath("$.components.services.components['reporting-service'].status").isEqualTo("UP");
        // the gateway's own probes do not depend on the services
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void swaggerUiListsEveryServicesApi() {
        client.get().uri("/v3/api-docs/gateway/swagger-config")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls.length()").isEqualTo(4)
                .jsonPath("$.urls[?(@.name == 'curriculum-service')].url").isEqualTo("/v3/api-docs/curriculum")
                .jsonPath("$.urls[?(@.name == 'assessment-service')].url").isEqualTo("/v3/api-docs/assessment")
                .jsonPath("$.urls[?(@.name == 'progression-service')].url").isEqualTo("/v3/api-docs/progression")
                .jsonPath("$.urls[?(@.name == 'reporting-service')].url").isEqualTo("/v3/api-docs/reporting");

        client.get().uri("/swagger-ui.html")
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).contains("/swagger-ui/index.html"));
        client.get().uri("/swagger-ui/index.html")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void eachServicesDocumentIsServedThroughTheGatewayPointingAtTheGateway() {
        for (var stub : STUBS.values()) {
            String shortName = stub.name().replace("-service", "");
            client.get().uri("/v3/api-docs/" + shortName)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.openapi").isEqualTo("3.1.0")
                    .jsonPath("$.info.title").isEqualTo(stub.name())
                    .jsonPath("$.servers.length()").isEqualTo(1)
                    .jsonPath("$.servers[0].url").isEqualTo("/");
            assertThat(stub.receivedOn("/v3/api-docs")).isNotEmpty();
        }
    }

    @Test
    void aStoppedServicesDocumentAnswers503ProblemJson() {
        REPORTING.stop();
        client.get().uri("/v3/api-docs/reporting")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("reporting-service");
    }
}

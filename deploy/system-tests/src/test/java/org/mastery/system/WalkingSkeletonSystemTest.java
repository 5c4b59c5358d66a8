package org.mastery.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end: a request through the gateway creates something in
 * curriculum-service; the event is stored, published to Kafka, consumed by reporting-service and
 * read back through the gateway.
 */
class WalkingSkeletonSystemTest {

    @Test
    void theGatewayReportsItselfAndEveryServiceUp() {
        Api.Response health = Api.anonymous().await("/actuator/health",
                r -> r.status() == 200 && "UP".equals(r.json().path("status").asText()), Duration.ofSeconds(60));
        JsonNode services = health.json().path("components").path("services").path("components");
        for (String service : new String[] {"curriculum-service", "assessment-service", "progression-service", "reporting-service"}) {
            assertThat(services.path(service).path("status").asText()).as(service).isEqualTo("UP");
        }
    }

    @Test
    void aFrameworkDraftedThroughTheGatewayIsReadBackFromReporting() {
        Api teacher = Api.as("tch-skeleton-" + UUID.randomUUID(), "TEACHER");
        String title = "Ratios " + UUID.randomUUID();
        Api.Response created = teacher.post("/api/frameworks", Map.of("title", title, "subject", "Mathematics", "gradeBand", "6-7"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("frameworkId").asText();

        Api.Response fromCurriculum = teacher.await("/api/frameworks/" + id, Api.Response::ok, Duration.ofSeconds(30));
        assertThat(fromCurriculum.json().get("title").asText()).isEqualTo(title);

        // reporting knows it only from the curriculum.frameworks.v1 stream
        Api.Response fromReporting = teacher.await("/api/reports/frameworks/" + id, Api.Response::ok, Duration.ofSeconds(30));
        assertThat(fromReporting.json().get("title").asText()).isEqualTo(title);
        assertThat(fromReporting.json().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void withoutATokenTheGatewayAnswers401AsProblemJson() {
        Api.Response refused = Api.anonymous().post("/api/frameworks", Map.of("title", "x"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.isProblem()).isTrue();
    }
}

package org.mastery.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.curriculum.FrameworkDrafted;
import org.mastery.reporting.projection.query.ReadModelStore;
import org.mastery.reporting.projection.query.ReadModels;
import org.mastery.reporting.support.Scenario;
import org.mastery.reporting.support.Snapshots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Rebuilding every projection from offset zero gives the very same read models as the live ones. */
class RebuildTest extends ReportingIntegrationTest {

    @Autowired
    ReadModelStore store;

    static final List<String> COLLECTIONS = new ArrayList<>(ReadModels.PROJECTIONS);

    static {
        COLLECTIONS.add("framework_catalog");
    }

    @Test
    void aRebuildFromZeroEqualsTheLiveReadModels() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Scenario s = new Scenario("rb-" + suffix, Instant.parse("2026-09-01T08:00:00Z"));
        feed(s.events().events());
        String framework = "fw-rb-" + suffix;
        feeder().send(CurriculumTopics.FRAMEWORKS, framework, UUID.randomUUID().toString(), FrameworkDrafted.TYPE, null,
                new FrameworkDrafted(framework, 1, "Ratios", "Mathematics", "6-7", null, "tch-1"));
        await("/api/reports/students/" + s.studentA, token(s.teacher, "TEACHER"), r -> r.getStatusCode() == HttpStatus.OK
                && r.getBody().path("peerTutor").asBoolean());
        await("/api/reports/frameworks/" + framework, token(s.teacher, "TEACHER"), r -> r.getStatusCode() == HttpStatus.OK);
        awaitCaughtUp();
        Map<String, Map<String, JsonNode>> live = Snapshots.of(store, COLLECTIONS);
        assertThat(live.get(ReadModels.STUDENT_PROGRESS)).containsKey(s.studentA);

        assertThat(post("/api/reports/admin/rebuild", token("tch-1", "TEACHER")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> started = post("/api/reports/admin/rebuild", token("adm-1", "ADMIN"));
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode status = await("/api/reports/admin/rebuild", token("adm-1", "ADMIN"),
                r -> !"RUNNING".equals(r.getBody().path("state").asText()), Duration.ofMinutes(3)).getBody();
        assertThat(status.path("state").asText()).isEqualTo("DONE");
        System.out.printf("Rebuild from offset zero: %d records in %d ms%n", status.path("recordsToReplay").asLong(),
                status.path("durationMillis").asLong());

        Map<String, Map<String, JsonNode>> rebuilt = Snapshots.of(store, COLLECTIONS);
        for (String collection : COLLECTIONS) {
            assertThat(rebuilt.get(collection)).as(collection).isEqualTo(live.get(collection));
        }
        // and the views keep answering
        assertThat(get("/api/reports/frameworks/" + framework, token(s.teacher, "TEACHER")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/reports/students/" + s.studentA, token(s.teacher, "TEACHER")).getBody().path("summary")
                .path("mastered").asInt()).isEqualTo(1);
    }
}

package org.mastery.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.curriculum.CompetencyDefined;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.reporting.projection.query.ReadModels;
import org.mastery.reporting.support.Scenario;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Audit replay and verification through reporting, with progression-service's audit API stood in for
 * by a local server answering its agreed shapes.
 */
class AuditTest extends ReportingIntegrationTest {

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String student = "stu-audit-" + suffix;
    final String competency = "cmp-audit-" + suffix;
    final String auditor = "aud-" + suffix;

    @BeforeEach
    void progressionKnowsTheStudent() {
        feeder().send(CurriculumTopics.FRAMEWORKS, "fw-1", UUID.randomUUID().toString(), CompetencyDefined.TYPE, null,
                new CompetencyDefined(Scenario.competency(competency, 1, "AUD." + suffix, List.of())));
        STUBS.histories.put(student, history(false));
        ObjectNode verdict = ReadModels.JSON.createObjectNode();
        verdict.put("verified", true);
        verdict.put("eventsChecked", 3);
        verdict.put("decisionsChecked", 1);
        verdict.putArray("mismatches");
        STUBS.verdicts.put(student, verdict);
    }

    @AfterEach
    void progressionBack() {
        STUBS.progressionAvailable = true;
    }

    ObjectNode history(boolean forgedLink) {
        ObjectNode history = ReadModels.JSON.createObjectNode();
        ArrayNode entries = history.putArray("entries");
        String[][] rows = {
                {"1", "ev-1", "progression.EvidenceAccepted", "h1", null},
                {"2", "ev-2", "progression.EvidenceAccepted", "h2", "h1"},
                {"3", "ev-3", "progression.CompetencyMastered", "h3", forgedLink ? "h2-forged" : "h2"}};
        // served out of order: reporting puts them in sequence order
        for (int i = rows.length - 1; i >= 0; i--) {
            String[] r = rows[i];
            ObjectNode e = entries.addObject();
            e.put("sequence", Long.parseLong(r[0]));
            e.put("eventId", r[1] + "-" + suffix);
            e.put("type", r[2]);
            e.put("occurredAt", "2026-10-0" + r[0] + "T10:00:00Z");
            e.putObject("data").put("studentId", student).put("competencyId", competency).put("score", 3.0);
            if (r[2].endsWith("Mastered")) {
                e.putObject("explanation").put("method", "DECAYING_AVERAGE").put("value", 3.5).put("cut", 3.0);
            }
            e.put("hash", r[3]);
            e.put("previousHash", r[4]);
        }
        history.putObject("state").putObject("competencies").putObject(competency).put("state", "MASTERED");
        return history;
    }

    String auditorToken() {
        return token(auditor, "AUDITOR");
    }

    @Test
    void theHistoryIsReplayedInOrderWithExplanationsAndWhatReportingKnows() {
        String path = "/api/audit/students/" + student + "/history?asOf=2026-10-05T00:00:00Z";
        String token = auditorToken();
        JsonNode history = await(path, token, r -> r.getStatusCode() == HttpStatus.OK
                && r.getBody().path("entries").get(0).has("competency")).getBody();
        assertThat(history.path("entries")).extracting(e -> e.path("sequence").asInt()).containsExactly(1, 2, 3);
        assertThat(history.path("entries").get(2).path("explanation").path("method").asText()).isEqualTo("DECAYING_AVERAGE");
        assertThat(history.path("entries").get(0).path("competency").path("code").asText()).isEqualTo("AUD." + suffix);
        assertThat(history.path("chain").path("intact").asBoolean()).isTrue();
        assertThat(history.path("state").path("competencies").path(competency).path("state").asText()).isEqualTo("MASTERED");
        // asked as of the instant, with the auditor's own token
        assertThat(STUBS.requests).anySatisfy(r -> assertThat(java.net.URLDecoder.decode(r, java.nio.charset.StandardCharsets.UTF_8))
                .contains(student + "/history?asOf=2026-10-05T00:00:00Z"));
        assertThat(STUBS.authorizations).contains("Bearer " + token);
    }

    @Test
    void tamperingDetectedByProgressionFailsVerificationAndNamesTheEvent() {
        ObjectNode verdict = ReadModels.JSON.createObjectNode();
        verdict.put("verified", false);
        verdict.put("eventsChecked", 3);
        verdict.put("decisionsChecked", 1);
        ObjectNode mismatch = verdict.putArray("mismatches").addObject();
        mismatch.put("sequence", 2);
        mismatch.put("eventId", "ev-2-" + suffix);
        mismatch.put("kind", "HASH_MISMATCH");
        mismatch.put("detail", "stored hash h2 does not match the recomputed hash of the stored event");
        STUBS.verdicts.put(student, verdict);

        JsonNode verify = get("/api/audit/students/" + student + "/verify", auditorToken()).getBody();
        assertThat(verify.path("verified").asBoolean()).isFalse();
        assertThat(verify.path("mismatches")).singleElement().satisfies(m -> {
            assertThat(m.path("eventId").asText()).isEqualTo("ev-2-" + suffix);
            assertThat(m.path("sequence").asInt()).isEqualTo(2);
            assertThat(m.path("kind").asText()).isEqualTo("HASH_MISMATCH");
            assertThat(m.path("type").asText()).isEqualTo("progression.EvidenceAccepted");
            assertThat(m.path("detectedBy").asText()).isEqualTo("progression-service");
        });
    }

    @Test
    void aRewrittenHashLinkIsCaughtByReportingEvenWhenProgressionSaysVerified() {
        STUBS.histories.put(student, history(true));
        JsonNode verify = get("/api/audit/students/" + student + "/verify", auditorToken()).getBody();
        assertThat(verify.path("progressionVerified").asBoolean()).isTrue();
        assertThat(verify.path("verified").asBoolean()).isFalse();
        assertThat(verify.path("mismatches")).singleElement().satisfies(m -> {
            assertThat(m.path("eventId").asText()).isEqualTo("ev-3-" + suffix);
            assertThat(m.path("kind").asText()).isEqualTo("CHAIN_BROKEN");
            assertThat(m.path("detectedBy").asText()).isEqualTo("reporting-service");
        });
    }

    @Test
    void anIntactStreamVerifies() {
        JsonNode verify = get("/api/audit/students/" + student + "/verify", auditorToken()).getBody();
        assertThat(verify.path("verified").asBoolean()).isTrue();
        assertThat(verify.path("eventsChecked").asInt()).isEqualTo(3);
        assertThat(verify.path("mismatches")).isEmpty();
    }

    @Test
    void everyAuditReadIsRecordedWithWhoWhenAndWhichStudent() {
        get("/api/audit/students/" + student + "/history", auditorToken());
        get("/api/audit/students/" + student + "/verify", token("adm-" + suffix, "ADMIN"));
        STUBS.progressionAvailable = false;
        ResponseEntity<JsonNode> down = get("/api/audit/students/" + student + "/history", auditorToken());
        assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(down.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        STUBS.progressionAvailable = true;

        JsonNode reads = get("/api/audit/students/" + student + "/reads", auditorToken()).getBody();
        assertThat(reads.path("reads")).extracting(r -> r.path("kind").asText() + " " + r.path("readerId").asText() + " "
                + r.path("readerRoles").get(0).asText() + " " + r.path("studentId").asText()).containsExactly(
                "HISTORY " + auditor + " AUDITOR " + student,
                "VERIFY adm-" + suffix + " ADMIN " + student,
                "HISTORY " + auditor + " AUDITOR " + student,
                "READS " + auditor + " AUDITOR " + student);
        assertThat(reads.path("reads")).allSatisfy(r -> assertThat(Instant.parse(r.path("readAt").asText())).isBefore(Instant.now().plusSeconds(1)));
    }

    @Test
    void onlyAuditorsAndAdminsMayAuditAndNothingIsRecordedForOthers() {
        ResponseEntity<JsonNode> teacher = get("/api/audit/students/" + student + "/history", token("tch-" + suffix, "TEACHER"));
        assertThat(teacher.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(teacher.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(get("/api/audit/students/" + student + "/verify", token(student, "STUDENT")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/audit/students/" + student + "/history?asOf=yesterday", auditorToken()).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("/api/audit/students/stu-unknown-" + suffix + "/history", auditorToken()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode reads = get("/api/audit/students/" + student + "/reads", auditorToken()).getBody();
        assertThat(reads.path("reads")).extracting(r -> r.path("readerId").asText()).containsOnly(auditor);
    }
}

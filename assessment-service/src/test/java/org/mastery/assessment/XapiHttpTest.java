package org.mastery.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.mastery.assessment.evidence.domain.EvidenceRecorded;
import org.mastery.assessment.xapi.domain.RecordStatement;
import org.mastery.contracts.assessment.AssessmentEventType;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.TopicProbe;
import org.mastery.testsupport.contracts.ContractSamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/xapi/statements} and the activity mapping. */
class XapiHttpTest extends IntegrationTest {

    static final String ADMIN = TestIdentity.token("adm-xapi", "ADMIN");

    @Autowired
    EventStore eventStore;

    record Setup(String teacherId, String studentId, String assessmentId, String a, String b, String activityId) {
    }

    Setup mapped() {
        String teacherId = id("tch");
        String studentId = id("stu");
        classWith(id("cls"), teacherId, studentId);
        String a = competency("PUBLISHED");
        String b = competency("PUBLISHED");
        String assessment = quiz(teacherToken(teacherId), "FORMATIVE", List.of(a, b), 1, null).path("assessmentId").asText();
        String activity = "https://tools.example.org/sim/" + UUID.randomUUID();
        ResponseEntity<JsonNode> mapping = put("/api/xapi/activity-mappings", Map.of("activityId", activity, "assessmentId", assessment,
                "competencyIds", List.of(b), "method", "PERFORMANCE_TASK"), ADMIN);
        assertThat(mapping.getStatusCode().value()).as("%s", mapping.getBody()).isEqualTo(200);
        return new Setup(teacherId, studentId, assessment, a, b, activity);
    }

    static Map<String, Object> statement(String id, String studentId, String activityId, Object scaled) {
        Map<String, Object> statement = new HashMap<>();
        if (id != null) {
            statement.put("id", id);
        }
        statement.put("actor", Map.of("objectType", "Agent", "account", Map.of("homePage", "https://sis.example.org", "name", studentId)));
        statement.put("verb", Map.of("id", "http://adlnet.gov/expapi/verbs/completed", "display", Map.of("en-US", "completed")));
        statement.put("object", Map.of("objectType", "Activity", "id", activityId));
        statement.put("result", Map.of("score", Map.of("scaled", scaled), "success", true));
        statement.put("timestamp", "2026-11-20T09:41:00.000Z");
        return statement;
    }

    long evidenceFor(String statementId) {
        return eventStore.readEvents(RecordStatement.keyOf(statementId)).asStream()
                .filter(e -> e.getPayload() instanceof EvidenceRecorded).count();
    }

    @Test
    void aScoredStatementBecomesEvidenceOnItsMappedCompetencyOnceHoweverOftenItIsSent() throws Exception {
        Setup s = mapped();
        String statementId = UUID.randomUUID().toString();
        Map<String, Object> statement = statement(statementId, s.studentId(), s.activityId(), 0.9);
        ResponseEntity<JsonNode> accepted = post("/api/xapi/statements", statement, teacherToken(s.teacherId()),
                Map.of("X-Experience-API-Version", "1.0.3"));
        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(200);
        assertThat(accepted.getBody().get(0).asText()).isEqualTo(statementId);
        assertThat(accepted.getHeaders().getFirst("X-Experience-API-Version")).isEqualTo("1.0.3");
        // a tool's retry, alone and inside a batch
        assertThat(post("/api/xapi/statements", statement, teacherToken(s.teacherId())).getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/xapi/statements", List.of(statement, statement), teacherToken(s.teacherId())).getStatusCode().value()).isEqualTo(200);
        assertThat(evidenceFor(statementId)).isEqualTo(1);

        try (TopicProbe probe = new TopicProbe(AssessmentTopics.EVIDENCE)) {
            List<ConsumerRecord<String, byte[]>> records = probe.readUntil(seen -> seen.stream().anyMatch(r -> s.studentId().equals(r.key())), WAIT);
            probe.readAll(java.time.Duration.ofMillis(500));
            List<JsonNode> evidence = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : probe.seen()) {
                if (s.studentId().equals(record.key())) {
                    evidence.add(json.readTree(record.value()));
                }
            }
            assertThat(records).isNotEmpty();
            assertThat(evidence).hasSize(1);
            JsonNode data = evidence.get(0).path("data");
            ContractSamples.assertValid(AssessmentEventType.class, AssessmentEventType.EVIDENCE_RECORDED.schemaResource(), data);
            assertThat(data.path("statementId").asText()).isEqualTo(statementId);
            assertThat(data.path("competencyId").asText()).isEqualTo(s.b());
            assertThat(data.path("score").asDouble()).isEqualTo(4.0);
            assertThat(data.path("method").asText()).isEqualTo("PERFORMANCE_TASK");
            assertThat(data.path("assessmentType").asText()).isEqualTo("FORMATIVE");
            assertThat(data.path("observedAt").asText()).isEqualTo("2026-11-20T09:41:00Z");
            assertThat(data.has("attemptId") && !data.path("attemptId").isNull()).isFalse();
        }
    }

    @Test
    void anArrayWithAnUnmappedActivityIsRefusedNamingItAndRecordsNothing() {
        Setup s = mapped();
        String mappedId = UUID.randomUUID().toString();
        String unmapped = "https://tools.example.org/unmapped/" + UUID.randomUUID();
        ResponseEntity<JsonNode> refused = post("/api/xapi/statements", List.of(
                statement(mappedId, s.studentId(), s.activityId(), 0.5),
                statement(UUID.randomUUID().toString(), s.studentId(), unmapped, 0.5)), teacherToken(s.teacherId()));
        assertProblem(refused, 422, unmapped);
        assertThat(refused.getBody().path("unmappedActivityIds").get(0).asText()).isEqualTo(unmapped);
        assertThat(evidenceFor(mappedId)).isZero();
        assertProblem(post("/api/xapi/statements", statement(null, s.studentId(), "https://tools.example.org/configured/quiz", 1),
                teacherToken(s.teacherId())), 422, "unknown assessment asm-configured-but-missing");
    }

    @Test
    void statementsThatAreNotValidOrNotUsableAreNamed() {
        Setup s = mapped();
        String teacher = teacherToken(s.teacherId());
        Map<String, Object> noVerb = statement(UUID.randomUUID().toString(), s.studentId(), s.activityId(), 0.5);
        noVerb.remove("verb");
        assertProblem(post("/api/xapi/statements", List.of(statement(null, s.studentId(), s.activityId(), 0.5), noVerb), teacher),
                400, "statements[1]");
        Map<String, Object> badId = statement("not-a-uuid", s.studentId(), s.activityId(), 0.5);
        assertProblem(post("/api/xapi/statements", badId, teacher), 400, "id must be a UUID");
        assertProblem(post("/api/xapi/statements", statement(null, s.studentId(), s.activityId(), 3), teacher), 400, "scaled");
        Map<String, Object> mailbox = statement(null, s.studentId(), s.activityId(), 0.5);
        mailbox.put("actor", Map.of("mbox", "mailto:someone@example.org"));
        ResponseEntity<JsonNode> byMail = post("/api/xapi/statements", mailbox, teacher);
        assertProblem(byMail, 422, "account.name");
        assertThat(byMail.getBody().toString()).doesNotContain("someone@example.org");
        Map<String, Object> noResult = statement(null, s.studentId(), s.activityId(), 0.5);
        noResult.remove("result");
        assertProblem(post("/api/xapi/statements", noResult, teacher), 422, "no result");
        Map<String, Object> future = statement(null, s.studentId(), s.activityId(), 0.5);
        future.put("timestamp", Instant.now().plusSeconds(3600).toString());
        assertProblem(post("/api/xapi/statements", future, teacher), 400, "in the future");
        assertProblem(post("/api/xapi/statements", "\"just text\"", teacher), 400, "statement object or an array");
    }

    @Test
    void aStatementIdReusedWithOtherContentIsAConflict() {
        Setup s = mapped();
        String statementId = UUID.randomUUID().toString();
        assertThat(post("/api/xapi/statements", statement(statementId, s.studentId(), s.activityId(), 0.9), teacherToken(s.teacherId()))
                .getStatusCode().value()).isEqualTo(200);
        assertProblem(post("/api/xapi/statements", statement(statementId, s.studentId(), s.activityId(), 0.2), teacherToken(s.teacherId())),
                409, statementId);
        assertThat(evidenceFor(statementId)).isEqualTo(1);
    }

    @Test
    void onlyTeachersOfTheStudentAndAdministratorsSendStatements() {
        Setup s = mapped();
        Map<String, Object> statement = statement(UUID.randomUUID().toString(), s.studentId(), s.activityId(), 0.5);
        assertProblem(post("/api/xapi/statements", statement, teacherToken(id("tch"))), 404, "No student with id " + s.studentId());
        assertProblem(post("/api/xapi/statements", statement, studentToken(s.studentId())), 403, "role");
        assertThat(post("/api/xapi/statements", statement, ADMIN).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theActivityMappingIsSetByAdministratorsAndCheckedAgainstTheAssessment() {
        Setup s = mapped();
        assertProblem(put("/api/xapi/activity-mappings", Map.of("activityId", "https://x.example.org/a", "assessmentId", s.assessmentId()),
                teacherToken(s.teacherId())), 403, "role");
        assertProblem(put("/api/xapi/activity-mappings", Map.of("activityId", "https://x.example.org/a", "assessmentId", "asm-none"),
                ADMIN), 422, "asm-none");
        assertProblem(put("/api/xapi/activity-mappings", Map.of("activityId", "https://x.example.org/a", "assessmentId", s.assessmentId(),
                "competencyIds", List.of("cmp-elsewhere")), ADMIN), 422, "cmp-elsewhere");
        assertProblem(put("/api/xapi/activity-mappings", Map.of("activityId", "not an iri", "assessmentId", s.assessmentId()), ADMIN),
                400, "activityId");
        JsonNode read = get("/api/xapi/activity-mappings?activityId=" + s.activityId(), teacherToken(s.teacherId())).getBody();
        assertThat(read.path("assessmentId").asText()).isEqualTo(s.assessmentId());
        assertThat(read.path("competencyIds").get(0).asText()).isEqualTo(s.b());
        assertThat(get("/api/xapi/activity-mappings", ADMIN).getBody().findValuesAsText("activityId"))
                .contains(s.activityId(), "https://tools.example.org/configured/quiz");
        assertProblem(get("/api/xapi/activity-mappings?activityId=https://nowhere.example.org", ADMIN), 404, "No activity mapping");
    }
}

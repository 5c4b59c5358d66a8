package org.mastery.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.assessment.AssessmentEventType;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.testsupport.TopicProbe;
import org.mastery.testsupport.contracts.ContractSamples;

/**
 * End to end over the real broker: a scored attempt's evidence appears on {@code assessment.evidence.v1}
 * keyed by the student, as CloudEvents whose data are valid against the contract's schemas; so do the
 * attempt lifecycle and the corrections (void, rescore).
 */
class EvidenceOnKafkaTest extends IntegrationTest {

    @Test
    void aScoredAttemptsEvidenceIsPublishedKeyedByStudentAndValidAgainstTheSchema() throws Exception {
        String teacherId = id("tch");
        String studentId = id("stu");
        classWith(id("cls"), teacherId, studentId);
        String a = competency("PUBLISHED");
        String b = competency("PUBLISHED");
        String assessment = quiz(teacherToken(teacherId), "SUMMATIVE", List.of(a, b), 2, null).path("assessmentId").asText();
        JsonNode started = post("/api/attempts", Map.of("studentId", studentId, "assessmentId", assessment), studentToken(studentId)).getBody();
        String attemptId = started.path("attemptId").asText();
        JsonNode scored = post("/api/attempts/" + attemptId + "/submit", Map.of("responses", responses(started.path("form"), 4)),
                studentToken(studentId)).getBody();
        assertThat(scored.path("passed").asBoolean()).isTrue();

        try (TopicProbe probe = new TopicProbe(AssessmentTopics.EVIDENCE)) {
            List<JsonNode> evidence = events(probe.readUntil(seen -> forKey(seen, studentId).size() == 2, WAIT), studentId);
            assertThat(evidence).hasSize(2);
            for (JsonNode event : evidence) {
                assertThat(event.path("type").asText()).isEqualTo("assessment.EvidenceRecorded");
                assertThat(event.path("subject").asText()).isEqualTo(studentId);
                assertThat(event.path("dataschema").asText()).isEqualTo(AssessmentEventType.EVIDENCE_RECORDED.dataSchema());
                ContractSamples.assertValid(AssessmentEventType.class, AssessmentEventType.EVIDENCE_RECORDED.schemaResource(), event.path("data"));
                JsonNode data = event.path("data");
                assertThat(data.path("studentId").asText()).isEqualTo(studentId);
                assertThat(data.path("attemptId").asText()).isEqualTo(attemptId);
                assertThat(data.path("assessmentType").asText()).isEqualTo("SUMMATIVE");
                assertThat(data.path("method").asText()).isEqualTo("SELECTED_RESPONSE");
                assertThat(data.path("score").asDouble()).isEqualTo(4.0);
                assertThat(data.path("scorerId").asText()).isEqualTo("auto");
                assertThat(data.path("observedAt").asText()).isEqualTo(scored.path("submittedAt").asText());
            }
            assertThat(evidence).extracting(e -> e.at("/data/competencyId").asText()).containsExactlyInAnyOrder(a, b);
            assertThat(evidence).extracting(e -> e.at("/data/evidenceId").asText())
                    .containsExactlyInAnyOrderElementsOf(scored.path("scores").findValuesAsText("evidenceId"));
        }

        try (TopicProbe probe = new TopicProbe(AssessmentTopics.ATTEMPTS)) {
            List<JsonNode> lifecycle = events(probe.readUntil(seen -> forKey(seen, studentId).size() == 3, WAIT), studentId);
            assertThat(lifecycle).extracting(e -> e.path("type").asText())
                    .containsExactly("assessment.AttemptStarted", "assessment.AttemptSubmitted", "assessment.AttemptScored");
            for (JsonNode event : lifecycle) {
                AssessmentEventType type = AssessmentEventType.ofType(event.path("type").asText()).orElseThrow();
                ContractSamples.assertValid(AssessmentEventType.class, type.schemaResource(), event.path("data"));
            }
        }
        try (TopicProbe probe = new TopicProbe(AssessmentTopics.ASSESSMENTS)) {
            List<JsonNode> definitions = events(probe.readUntil(seen -> forKey(seen, assessment).size() == 1, WAIT), assessment);
            ContractSamples.assertValid(AssessmentEventType.class, AssessmentEventType.ASSESSMENT_DEFINED.schemaResource(),
                    definitions.get(0).path("data"));
            assertThat(definitions.get(0).toString()).doesNotContain("answerKey").doesNotContain("acceptedAnswers");
        }
    }

    @Test
    void rescoringAndVoidingPublishCorrectionsThatReferenceTheOriginalEvidence() throws Exception {
        String teacherId = id("tch");
        String studentId = id("stu");
        classWith(id("cls"), teacherId, studentId);
        String a = competency("PUBLISHED");
        String assessment = task(teacherToken(teacherId), "FORMATIVE", "PERFORMANCE_TASK", List.of(a)).path("assessmentId").asText();
        String attemptId = post("/api/attempts", Map.of("studentId", studentId, "assessmentId", assessment), studentToken(studentId))
                .getBody().path("attemptId").asText();
        post("/api/attempts/" + attemptId + "/submit", Map.of(), studentToken(studentId));
        String first = post("/api/attempts/" + attemptId + "/score", Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 2))),
                teacherToken(teacherId)).getBody().at("/scores/0/evidenceId").asText();
        String second = post("/api/attempts/" + attemptId + "/rescore", Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 3)),
                "reasonCode", "SCORING_ERROR"), teacherToken(teacherId)).getBody().at("/scores/0/evidenceId").asText();
        post("/api/attempts/" + attemptId + "/void", Map.of("reasonCode", "ADMINISTRATION_ERROR"), teacherToken(teacherId));

        try (TopicProbe probe = new TopicProbe(AssessmentTopics.EVIDENCE)) {
            List<JsonNode> evidence = events(probe.readUntil(seen -> forKey(seen, studentId).size() == 4, WAIT), studentId);
            assertThat(evidence).extracting(e -> e.path("type").asText()).containsExactly("assessment.EvidenceRecorded",
                    "assessment.EvidenceVoided", "assessment.EvidenceRecorded", "assessment.EvidenceVoided");
            for (JsonNode event : evidence) {
                AssessmentEventType type = AssessmentEventType.ofType(event.path("type").asText()).orElseThrow();
                ContractSamples.assertValid(AssessmentEventType.class, type.schemaResource(), event.path("data"));
            }
            assertThat(evidence.get(1).at("/data/evidenceId").asText()).isEqualTo(first);
            assertThat(evidence.get(1).at("/data/reasonCode").asText()).isEqualTo("RESCORED");
            assertThat(evidence.get(1).at("/data/supersededBy").asText()).isEqualTo(second);
            assertThat(evidence.get(2).at("/data/evidenceId").asText()).isEqualTo(second);
            assertThat(evidence.get(2).at("/data/supersedes").asText()).isEqualTo(first);
            assertThat(evidence.get(2).at("/data/observedAt").asText()).isEqualTo(evidence.get(0).at("/data/observedAt").asText());
            assertThat(evidence.get(3).at("/data/evidenceId").asText()).isEqualTo(second);
            assertThat(evidence.get(3).at("/data/reasonCode").asText()).isEqualTo("VOIDED");
        }
        try (TopicProbe probe = new TopicProbe(AssessmentTopics.ATTEMPTS)) {
            List<JsonNode> lifecycle = events(probe.readUntil(seen -> forKey(seen, studentId).size() == 5, WAIT), studentId);
            assertThat(lifecycle).extracting(e -> e.path("type").asText()).endsWith("assessment.AttemptRescored", "assessment.AttemptVoided");
            for (JsonNode event : lifecycle) {
                AssessmentEventType type = AssessmentEventType.ofType(event.path("type").asText()).orElseThrow();
                ContractSamples.assertValid(AssessmentEventType.class, type.schemaResource(), event.path("data"));
            }
        }
    }

    static List<ConsumerRecord<String, byte[]>> forKey(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    List<JsonNode> events(List<ConsumerRecord<String, byte[]>> records, String key) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : forKey(records, key)) {
            events.add(json.readTree(record.value()));
        }
        return events;
    }
}

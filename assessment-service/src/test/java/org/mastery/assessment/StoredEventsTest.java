package org.mastery.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.mastery.assessment.assessment.domain.AssessmentDefined;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.assessment.domain.AssessmentType;
import org.mastery.assessment.assessment.domain.Scale;
import org.mastery.assessment.attempt.domain.AttemptScored;
import org.mastery.assessment.attempt.domain.CompetencyResult;
import org.mastery.assessment.attempt.domain.CriterionScore;
import org.mastery.assessment.evidence.domain.EvidenceRecorded;

/**
 * Revision-1 payloads as the event store holds them keep reading back whole. A renamed or retyped
 * component would drop data from stored events silently; such a change needs a new revision and an
 * upcaster, tested here against these same files.
 */
class StoredEventsTest {

    /** Read as the service's Jackson serializer reads: unknown properties ignored. */
    static final ObjectMapper STORED = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static <T> T read(String file, Class<T> type) throws Exception {
        assertThat(type.getAnnotation(Revision.class).value()).isEqualTo("1");
        try (InputStream in = StoredEventsTest.class.getResourceAsStream("/stored-events/" + file)) {
            return STORED.readValue(in, type);
        }
    }

    @Test
    void attemptScoredRevision1() throws Exception {
        AttemptScored event = read("AttemptScored.r1.json", AttemptScored.class);
        assertThat(event.scores()).containsExactly(new CompetencyResult("cmp-a", 3.5, 3.0, "evd-1"),
                new CompetencyResult("cmp-b", 2.0, 3.0, "evd-2"));
        assertThat(event.criterionScores()).contains(new CriterionScore("b1", "cmp-b", 2));
        assertThat(event.observedAt()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
        assertThat(event.retakeLockedUntil()).isEqualTo(Instant.parse("2026-11-06T09:00:00Z"));
        assertThat(event.practiceUnlocks()).isTrue();
        assertThat(event.round()).isEqualTo(1);
    }

    @Test
    void evidenceRecordedRevision1WithoutTheNullFields() throws Exception {
        EvidenceRecorded event = read("EvidenceRecorded.r1.json", EvidenceRecorded.class);
        assertThat(event).isEqualTo(new EvidenceRecorded("evd-1", "stu-8f14e45f", "cmp-a", 3.5, AssessmentMethod.PERFORMANCE_TASK,
                AssessmentType.SUMMATIVE, "asm-ratio", "att-4c1b7f0e-58a4-3b5e-9f55-1f8f3a0c2d11-2", null, "tch-1",
                Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-05T09:00:00Z"), null));
    }

    @Test
    void assessmentDefinedRevision1KeepsItsScalesAndAnswerKeys() throws Exception {
        AssessmentDefined event = read("AssessmentDefined.r1.json", AssessmentDefined.class);
        assertThat(event.spec().competencies().get(0).scale()).isEqualTo(new Scale(List.of(1, 2, 3, 4), 3.0));
        assertThat(event.spec().forms().get(0).items().get(0).accepts(" 6 ")).isTrue();
        assertThat(event.spec().retakePolicy().coolDownHours()).isEqualTo(24);
        assertThat(event.spec().masteryThreshold()).isEqualTo(0.7);
        // written back and read again: nothing lost
        assertThat(STORED.readValue(STORED.writeValueAsString(event), AssessmentDefined.class)).isEqualTo(event);
    }
}

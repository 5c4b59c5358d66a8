package org.mastery.assessment.attempt.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mastery.assessment.assessment.domain.AssessmentSpec;
import org.mastery.assessment.assessment.domain.Criterion;
import org.mastery.assessment.assessment.domain.Form;
import org.mastery.assessment.attempt.domain.AttemptSnapshot;
import org.mastery.assessment.attempt.domain.CompetencyResult;
import org.mastery.assessment.attempt.domain.CriterionScore;
import org.mastery.assessment.attempt.domain.ItemResult;
import org.mastery.assessment.attempt.query.AttemptPrivateRecords;
import org.mastery.assessment.attempt.query.AttemptView;

/** Response bodies of the attempt endpoints. */
public final class AttemptResponses {

    private AttemptResponses() {
    }

    /** An attempt after a command; {@code form} is the assigned form's content (without answer keys) when it starts. */
    public record AttemptResponse(String attemptId, String studentId, String assessmentId, int attemptNumber, String formId,
                                  String status, int scoringRound, Instant startedAt, Instant submittedAt, Instant scoredAt,
                                  List<CompetencyResult> scores, Boolean passed, Instant retakeAvailableAt, FormContent form) {

        static AttemptResponse of(AttemptSnapshot s, FormContent form) {
            return new AttemptResponse(s.attemptId(), s.studentId(), s.assessmentId(), s.attemptNumber(), s.formId(),
                    s.status().name(), s.scoringRound(), s.startedAt(), s.submittedAt(), s.scoredAt(), s.scores(), s.passed(),
                    s.retakeAvailableAt(), form);
        }
    }

    /** What the student works on: the form's instructions and items (no answer keys), and the rubric. */
    public record FormContent(String formId, String instructions, List<ItemContent> items, List<Criterion> rubric) {

        static FormContent of(AssessmentSpec spec, String formId) {
            Form form = spec.form(formId).orElseThrow();
            return new FormContent(formId, form.instructions(), form.items().stream()
                    .map(i -> new ItemContent(i.itemId(), i.competencyId(), i.prompt(), i.choices())).toList(), spec.rubric());
        }
    }

    public record ItemContent(String itemId, String competencyId, String prompt, List<String> choices) {
    }

    /** {@code GET /api/attempts/{id}}: the attempt with what the student handed in and the feedback they got. */
    public record AttemptDetails(String attemptId, String studentId, String assessmentId, int attemptNumber, String formId,
                                 String status, String assessmentType, String method, String scoring, String startedBy,
                                 Instant startedAt, String submittedBy, Instant submittedAt, boolean awaitingScoring,
                                 int scoringRound, String scorerId, Instant scoredAt, Boolean passed,
                                 List<CompetencyResult> scores, List<ItemResult> itemResults,
                                 List<CriterionScore> criterionScores, Instant retakeAvailableAt,
                                 List<String> practisedCompetencies, List<AttemptView.Rescore> rescores,
                                 AttemptView.Voiding voided, Map<String, String> responses, List<String> evidenceUris,
                                 List<AttemptPrivateRecords.Feedback> feedback) {

        static AttemptDetails of(AttemptView v, AttemptPrivateRecords.PrivateRecord p) {
            return new AttemptDetails(v.attemptId, v.studentId, v.assessmentId, v.attemptNumber, v.formId, v.status,
                    v.assessmentType, v.method, v.scoring, v.startedBy, v.startedAt, v.submittedBy, v.submittedAt,
                    v.awaitingScoring, v.scoringRound, v.scorerId, v.scoredAt, v.passed, v.scores, v.itemResults,
                    v.criterionScores, v.retakeAvailableAt, v.practisedCompetencies, v.rescores, v.voided,
                    p == null ? Map.of() : p.responses(), p == null ? List.of() : p.evidenceUris(),
                    p == null ? List.of() : p.feedback());
        }
    }

    /** {@code GET /api/attempts/scoring-queue} */
    public record ScoringQueueResponse(List<QueuedAttempt> attempts) {
    }

    public record QueuedAttempt(String attemptId, String studentId, String assessmentId, String assessmentTitle,
                                int attemptNumber, String formId, Instant submittedAt) {
    }

    /** {@code POST /api/assessments/{id}/observations} */
    public record ObservationsRecorded(String assessmentId, List<AttemptResponse> attempts) {
    }
}

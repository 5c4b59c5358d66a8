package org.mastery.assessment.attempt.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.assessment.domain.AssessmentType;
import org.mastery.assessment.assessment.domain.ScoringKind;

/**
 * An attempt was scored for the first time ({@code round} 1).
 *
 * @param observedAt when the work was done (the submission), which orders the evidence
 * @param retakeLockedUntil for a failed summative attempt, when the cool-down ends; else null
 */
@Revision("1")
public record AttemptScored(String seriesId, String attemptId, String studentId, String assessmentId,
                            AssessmentType assessmentType, AssessmentMethod method, ScoringKind scoring, int round,
                            List<CompetencyResult> scores, List<ItemResult> itemResults,
                            List<CriterionScore> criterionScores, String scorerId, Instant observedAt,
                            Instant scoredAt, boolean passed, Instant retakeLockedUntil, boolean practiceUnlocks) {
}

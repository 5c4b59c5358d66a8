package org.mastery.assessment.attempt.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.assessment.domain.AssessmentType;

/** A scored attempt was scored again ({@code round} 2, 3, …); its new scores replace the old ones. */
@Revision("1")
public record AttemptRescored(String seriesId, String attemptId, String studentId, String assessmentId,
                              AssessmentType assessmentType, AssessmentMethod method, int round,
                              List<CompetencyResult> scores, List<ItemResult> itemResults,
                              List<CriterionScore> criterionScores, String scorerId, String reasonCode,
                              Instant rescoredAt, boolean passed, Instant retakeLockedUntil, boolean practiceUnlocks) {
}

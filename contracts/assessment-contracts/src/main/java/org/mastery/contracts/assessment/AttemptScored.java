package org.mastery.contracts.assessment;

import java.time.Instant;
import java.util.List;

/**
 * An attempt was scored (automatically from an answer key, or by a teacher with a rubric).
 * Published on {@link AssessmentTopics#ATTEMPTS} as {@code assessment.AttemptScored}.
 *
 * @param scores one per aligned competency
 * @param scorerId teacher id, or "auto"
 * @param observedAt when the work was done
 * @param passed every score at or above its cut
 */
public record AttemptScored(
        String attemptId,
        String studentId,
        String assessmentId,
        String assessmentType,
        String method,
        List<CompetencyScore> scores,
        String scorerId,
        Instant observedAt,
        Instant scoredAt,
        boolean passed) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "assessment.AttemptScored";
}

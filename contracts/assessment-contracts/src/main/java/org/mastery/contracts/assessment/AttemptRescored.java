package org.mastery.contracts.assessment;

import java.time.Instant;
import java.util.List;

/**
 * A scored attempt was scored again; the new scores replace the old ones. Published on {@link
 * AssessmentTopics#ATTEMPTS} as {@code assessment.AttemptRescored}.
 */
public record AttemptRescored(
        String attemptId,
        String studentId,
        String assessmentId,
        List<CompetencyScore> scores,
        String scorerId,
        Instant rescoredAt,
        boolean passed) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "assessment.AttemptRescored";
}

package org.mastery.contracts.assessment;

import java.time.Instant;

/**
 * A student submitted an attempt. Published on {@link AssessmentTopics#ATTEMPTS} as {@code
 * assessment.AttemptSubmitted}.
 */
public record AttemptSubmitted(
        String attemptId,
        String studentId,
        String assessmentId,
        Instant submittedAt) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "assessment.AttemptSubmitted";
}

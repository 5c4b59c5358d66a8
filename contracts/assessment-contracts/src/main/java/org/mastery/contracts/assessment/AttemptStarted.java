package org.mastery.contracts.assessment;

import java.time.Instant;

/**
 * A student started an attempt and was assigned a form. Published on {@link
 * AssessmentTopics#ATTEMPTS} as {@code assessment.AttemptStarted}.
 *
 * @param attemptNumber 1 for the first attempt on this assessment
 */
public record AttemptStarted(
        String attemptId,
        String studentId,
        String assessmentId,
        String formId,
        int attemptNumber,
        Instant startedAt) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "assessment.AttemptStarted";
}

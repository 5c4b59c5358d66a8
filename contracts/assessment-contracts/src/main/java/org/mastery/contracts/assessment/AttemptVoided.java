package org.mastery.contracts.assessment;

import java.time.Instant;

/**
 * An attempt was voided: its evidence no longer counts. Published on {@link
 * AssessmentTopics#ATTEMPTS} as {@code assessment.AttemptVoided}.
 */
public record AttemptVoided(
        String attemptId,
        String studentId,
        String assessmentId,
        String reasonCode,
        String voidedBy,
        Instant voidedAt) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "assessment.AttemptVoided";
}

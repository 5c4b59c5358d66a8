package org.mastery.contracts.assessment;

import java.time.Instant;

/**
 * An assessment was retired. Published on {@link AssessmentTopics#ASSESSMENTS} as {@code
 * assessment.AssessmentRetired}.
 */
public record AssessmentRetired(
        String assessmentId,
        Instant retiredAt) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "assessment.AssessmentRetired";
}

package org.mastery.contracts.assessment;

import java.time.Instant;

/**
 * A piece of evidence no longer counts (voided, or superseded by a rescore). Published on {@link
 * AssessmentTopics#EVIDENCE} as {@code assessment.EvidenceVoided}.
 *
 * @param reasonCode VOIDED or RESCORED
 * @param supersededBy the replacing evidence, after a rescore
 */
public record EvidenceVoided(
        String evidenceId,
        String studentId,
        String competencyId,
        String reasonCode,
        String supersededBy,
        Instant voidedAt) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "assessment.EvidenceVoided";
}

package org.mastery.contracts.progression;

/**
 * A piece of evidence stopped counting (voided or superseded). Published on {@link
 * ProgressionTopics#DECISIONS} as {@code progression.EvidenceWithdrawn}.
 */
public record EvidenceWithdrawn(
        String studentId,
        String evidenceId,
        String competencyId,
        String reasonCode) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.EvidenceWithdrawn";
}

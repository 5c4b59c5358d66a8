package org.mastery.contracts.progression;

import java.time.Instant;

/**
 * Progression accepted a piece of evidence into the student's journey (duplicates are never
 * accepted twice). Published on {@link ProgressionTopics#DECISIONS} as {@code
 * progression.EvidenceAccepted}.
 */
public record EvidenceAccepted(
        String studentId,
        String evidenceId,
        String competencyId,
        double score,
        String method,
        String assessmentType,
        Instant observedAt) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.EvidenceAccepted";
}

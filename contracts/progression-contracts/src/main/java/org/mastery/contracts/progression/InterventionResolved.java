package org.mastery.contracts.progression;

/**
 * The student later scored at or above the cut. Published on {@link ProgressionTopics#DECISIONS}
 * as {@code progression.InterventionResolved}.
 */
public record InterventionResolved(
        String interventionId,
        String studentId,
        String competencyId,
        String evidenceId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.InterventionResolved";
}

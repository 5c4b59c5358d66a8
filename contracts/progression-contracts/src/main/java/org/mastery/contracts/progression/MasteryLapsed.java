package org.mastery.contracts.progression;

/**
 * A later summative score below the cut lapsed mastery: the competency needs review. Published on
 * {@link ProgressionTopics#DECISIONS} as {@code progression.MasteryLapsed}.
 *
 * @param evidenceId the evidence that lapsed it
 */
public record MasteryLapsed(
        String studentId,
        String competencyId,
        String evidenceId,
        Explanation explanation) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.MasteryLapsed";
}

package org.mastery.contracts.progression;

/**
 * The calculated state, score or phase of a competency changed. Published on {@link
 * ProgressionTopics#DECISIONS} as {@code progression.MasteryLevelChanged}.
 *
 * @param state NOT_STARTED, INSUFFICIENT_EVIDENCE, IN_PROGRESS, MASTERED or NEEDS_REVIEW
 * @param phaseId current learning-progression phase, when in progress
 * @param value the computed score, null when none
 */
public record MasteryLevelChanged(
        String studentId,
        String competencyId,
        String state,
        String phaseId,
        Double value,
        int evidenceCount,
        Explanation explanation) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.MasteryLevelChanged";
}

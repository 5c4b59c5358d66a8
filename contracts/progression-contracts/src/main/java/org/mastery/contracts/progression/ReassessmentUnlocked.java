package org.mastery.contracts.progression;

/**
 * A retake of a failed summative assessment is unlocked before its cool-down (practice completed).
 * Published on {@link ProgressionTopics#DECISIONS} as {@code progression.ReassessmentUnlocked}.
 *
 * @param reason PRACTICE_COMPLETED or INTERVENTION_RESOLVED
 */
public record ReassessmentUnlocked(
        String studentId,
        String assessmentId,
        String competencyId,
        String reason) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.ReassessmentUnlocked";
}

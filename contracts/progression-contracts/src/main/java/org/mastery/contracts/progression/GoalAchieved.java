package org.mastery.contracts.progression;

/**
 * The competency of a student's goal was mastered. Published on {@link
 * ProgressionTopics#DECISIONS} as {@code progression.GoalAchieved}.
 */
public record GoalAchieved(
        String goalId,
        String studentId,
        String competencyId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.GoalAchieved";
}

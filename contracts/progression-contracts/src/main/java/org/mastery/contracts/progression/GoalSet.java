package org.mastery.contracts.progression;

import java.time.LocalDate;

/**
 * A student set a goal (the note stays in progression's deletable store). Published on {@link
 * ProgressionTopics#JOURNEYS} as {@code progression.GoalSet}.
 */
public record GoalSet(
        String goalId,
        String studentId,
        String competencyId,
        LocalDate targetDate) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.GoalSet";
}

package org.mastery.contracts.progression;

import java.time.Instant;

/**
 * A teacher set a competency's state by hand, with a reason code (the written reason stays in
 * progression's deletable store). Published on {@link ProgressionTopics#DECISIONS} as {@code
 * progression.TeacherOverrideApplied}.
 *
 * @param expiresAt null when it does not expire
 */
public record TeacherOverrideApplied(
        String overrideId,
        String studentId,
        String competencyId,
        String teacherId,
        String state,
        String reasonCode,
        Instant expiresAt) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.TeacherOverrideApplied";
}

package org.mastery.contracts.progression;

/**
 * An override reached its expiry: the calculated state applies again. Published on {@link
 * ProgressionTopics#DECISIONS} as {@code progression.TeacherOverrideExpired}.
 */
public record TeacherOverrideExpired(
        String overrideId,
        String studentId,
        String competencyId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.TeacherOverrideExpired";
}

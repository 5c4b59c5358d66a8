package org.mastery.contracts.roster;

/**
 * A student was enrolled in a class. Published on {@link RosterTopics#ENROLLMENTS} as {@code
 * roster.StudentEnrolled}.
 */
public record StudentEnrolled(
        String studentId,
        String classId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.StudentEnrolled";
}

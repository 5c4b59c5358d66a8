package org.mastery.contracts.roster;

/**
 * A student left a class. Published on {@link RosterTopics#ENROLLMENTS} as {@code
 * roster.StudentUnenrolled}.
 */
public record StudentUnenrolled(
        String studentId,
        String classId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.StudentUnenrolled";
}

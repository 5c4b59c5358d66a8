package org.mastery.contracts.roster;

/**
 * A student was registered at a school (by pseudonymous id only). Published on {@link
 * RosterTopics#ENROLLMENTS} as {@code roster.StudentRegistered}.
 */
public record StudentRegistered(
        String studentId,
        String schoolId,
        String gradeLevel) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.StudentRegistered";
}

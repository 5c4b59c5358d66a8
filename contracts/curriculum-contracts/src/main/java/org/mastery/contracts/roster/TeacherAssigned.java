package org.mastery.contracts.roster;

/**
 * A teacher was assigned to a class. Published on {@link RosterTopics#CLASSES} as {@code
 * roster.TeacherAssigned}.
 */
public record TeacherAssigned(
        String classId,
        String teacherId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.TeacherAssigned";
}

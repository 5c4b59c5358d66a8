package org.mastery.contracts.roster;

/**
 * A teacher no longer teaches a class. Published on {@link RosterTopics#CLASSES} as {@code
 * roster.TeacherUnassigned}.
 */
public record TeacherUnassigned(
        String classId,
        String teacherId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.TeacherUnassigned";
}

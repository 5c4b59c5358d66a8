package org.mastery.contracts.roster;

/**
 * A class (section) was created, taught from a course. Published on {@link RosterTopics#CLASSES}
 * as {@code roster.ClassCreated}.
 *
 * @param title e.g. "Math 6, period 2"
 */
public record ClassCreated(
        String classId,
        String schoolId,
        String courseId,
        String title,
        String term) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.ClassCreated";
}

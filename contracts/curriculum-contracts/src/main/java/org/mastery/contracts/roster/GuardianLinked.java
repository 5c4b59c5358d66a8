package org.mastery.contracts.roster;

/**
 * A guardian was linked to a student. Published on {@link RosterTopics#ENROLLMENTS} as {@code
 * roster.GuardianLinked}.
 *
 * @param relationship e.g. PARENT, GUARDIAN
 */
public record GuardianLinked(
        String studentId,
        String guardianId,
        String relationship) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.GuardianLinked";
}

package org.mastery.contracts.roster;

/**
 * A guardian link was removed. Published on {@link RosterTopics#ENROLLMENTS} as {@code
 * roster.GuardianUnlinked}.
 */
public record GuardianUnlinked(
        String studentId,
        String guardianId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.GuardianUnlinked";
}

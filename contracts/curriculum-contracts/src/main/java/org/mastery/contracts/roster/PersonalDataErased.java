package org.mastery.contracts.roster;

import java.time.Instant;

/**
 * A person's personal data (names, contact data) was erased; every read model must forget it too.
 * Ids and learning evidence remain, pseudonymous. Published on {@link RosterTopics#ENROLLMENTS} as
 * {@code roster.PersonalDataErased}.
 *
 * @param role STUDENT, GUARDIAN, TEACHER or LEADER
 */
public record PersonalDataErased(
        String personId,
        String role,
        Instant erasedAt) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.PersonalDataErased";
}

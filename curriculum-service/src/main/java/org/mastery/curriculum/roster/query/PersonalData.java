package org.mastery.curriculum.roster.query;

/** A person's personal data: kept only in the deletable {@code personal_data} table, never in events. */
public record PersonalData(String givenName, String familyName, String middleName, String preferredGivenName,
                           String email, String username) {
}

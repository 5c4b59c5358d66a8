package org.mastery.contracts.roster;

/**
 * A district or school was registered. Published on {@link RosterTopics#ORGANIZATIONS} as {@code
 * roster.OrganizationRegistered}.
 *
 * @param type DISTRICT or SCHOOL
 * @param parentOrgId the district of a school
 * @param name an organisation name, not personal data
 */
public record OrganizationRegistered(
        String orgId,
        String type,
        String parentOrgId,
        String name) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.OrganizationRegistered";
}

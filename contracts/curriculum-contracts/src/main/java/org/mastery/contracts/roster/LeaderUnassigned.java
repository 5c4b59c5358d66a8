package org.mastery.contracts.roster;

/**
 * A leader no longer leads an organisation. Published on {@link RosterTopics#ORGANIZATIONS} as
 * {@code roster.LeaderUnassigned}.
 */
public record LeaderUnassigned(
        String orgId,
        String leaderId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.LeaderUnassigned";
}

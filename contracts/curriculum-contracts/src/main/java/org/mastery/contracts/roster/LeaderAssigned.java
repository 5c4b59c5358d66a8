package org.mastery.contracts.roster;

/**
 * A leader was given the aggregates of an organisation. Published on {@link
 * RosterTopics#ORGANIZATIONS} as {@code roster.LeaderAssigned}.
 */
public record LeaderAssigned(
        String orgId,
        String leaderId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "roster.LeaderAssigned";
}

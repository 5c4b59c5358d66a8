package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take an organisation's aggregates away from a leader. */
public record UnassignLeader(@TargetAggregateIdentifier String orgId, String leaderId) {
}

package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a leader (principal, district administrator) the aggregates of an organisation. */
public record AssignLeader(@TargetAggregateIdentifier String orgId, String leaderId) {
}

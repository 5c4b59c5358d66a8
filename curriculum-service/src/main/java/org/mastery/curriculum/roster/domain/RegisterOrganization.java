package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a district or a school (a school may belong to a district). */
public record RegisterOrganization(@TargetAggregateIdentifier String orgId, String type, String parentOrgId, String name) {
}

package org.mastery.progression.journey.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Re-evaluate a competency after its definition changed: adopt a newer policy, check unlocks and credits going forward. */
public record ReevaluateCompetency(@TargetAggregateIdentifier String studentId, CompetencyContext context) {
}

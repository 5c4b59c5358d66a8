package org.mastery.progression.journey.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop counting a piece of evidence (voided, or superseded by a rescore). */
public record WithdrawEvidence(@TargetAggregateIdentifier String studentId, String evidenceId, CompetencyContext context, String reasonCode) {
}

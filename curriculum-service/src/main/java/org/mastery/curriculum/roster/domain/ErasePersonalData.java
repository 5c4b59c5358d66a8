package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Forget a person's personal data (right to be forgotten); ids and learning evidence stay. */
public record ErasePersonalData(@TargetAggregateIdentifier String personId) {
}

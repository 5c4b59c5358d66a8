package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Link a guardian to a student. */
public record LinkGuardian(@TargetAggregateIdentifier String studentId, String guardianId, String relationship) {
}

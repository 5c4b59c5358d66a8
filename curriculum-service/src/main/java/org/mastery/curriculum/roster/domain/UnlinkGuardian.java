package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Remove a guardian's link to a student. */
public record UnlinkGuardian(@TargetAggregateIdentifier String studentId, String guardianId) {
}

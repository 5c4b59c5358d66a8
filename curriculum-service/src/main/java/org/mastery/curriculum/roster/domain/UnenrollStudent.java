package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A student leaves the class. */
public record UnenrollStudent(@TargetAggregateIdentifier String classId, String studentId) {
}

package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Enrol a student in the class. */
public record EnrollStudent(@TargetAggregateIdentifier String classId, String studentId) {
}

package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a teacher a teacher of the class. */
public record AssignTeacher(@TargetAggregateIdentifier String classId, String teacherId) {
}

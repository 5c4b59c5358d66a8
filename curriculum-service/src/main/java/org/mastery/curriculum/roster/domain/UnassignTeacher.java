package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A teacher no longer teaches the class. */
public record UnassignTeacher(@TargetAggregateIdentifier String classId, String teacherId) {
}

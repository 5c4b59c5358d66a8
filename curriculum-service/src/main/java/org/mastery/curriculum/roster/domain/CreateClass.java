package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create a class (section) of a school, taught from a course. */
public record CreateClass(@TargetAggregateIdentifier String classId, String schoolId, String courseId, String title, String term) {
}

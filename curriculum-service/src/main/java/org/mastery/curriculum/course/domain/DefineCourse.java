package org.mastery.curriculum.course.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a course: the competencies it groups and the credits it carries. */
public record DefineCourse(@TargetAggregateIdentifier String courseId, CourseContent content) {
}

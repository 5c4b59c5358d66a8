package org.mastery.curriculum.course.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give a course a new definition (competencies, credits, title…); an identical one changes nothing. */
public record ReviseCourse(@TargetAggregateIdentifier String courseId, CourseContent content) {
}

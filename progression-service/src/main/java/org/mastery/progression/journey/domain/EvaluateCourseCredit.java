package org.mastery.progression.journey.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Check whether a course's credit is earned (after a course was defined or revised). */
public record EvaluateCourseCredit(@TargetAggregateIdentifier String studentId, CourseRequirement course) {
}

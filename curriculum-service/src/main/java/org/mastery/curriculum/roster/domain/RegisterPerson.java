package org.mastery.curriculum.roster.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a person by pseudonymous id and role; their names live outside the log. */
public record RegisterPerson(@TargetAggregateIdentifier String personId, String role, String schoolId, String gradeLevel) {
}

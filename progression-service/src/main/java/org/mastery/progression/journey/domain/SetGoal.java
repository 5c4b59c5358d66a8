package org.mastery.progression.journey.domain;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A student sets a goal on a competency. */
public record SetGoal(@TargetAggregateIdentifier String studentId, String goalId, String competencyId, LocalDate targetDate) {
}

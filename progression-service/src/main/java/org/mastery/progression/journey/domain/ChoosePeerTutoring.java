package org.mastery.progression.journey.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A student opts in to or out of tutoring classmates. */
public record ChoosePeerTutoring(@TargetAggregateIdentifier String studentId, boolean optedIn) {
}

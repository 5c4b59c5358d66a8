package org.mastery.progression.journey.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A student records a reflection (the text is stored apart, by reflection id). */
public record RecordReflection(@TargetAggregateIdentifier String studentId, String reflectionId, String competencyId) {
}

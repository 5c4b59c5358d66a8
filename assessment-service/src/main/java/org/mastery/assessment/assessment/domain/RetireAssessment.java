package org.mastery.assessment.assessment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire an assessment: no new attempts start on it; existing attempts and evidence stay. */
public record RetireAssessment(@TargetAggregateIdentifier String assessmentId, String retiredBy) {
}

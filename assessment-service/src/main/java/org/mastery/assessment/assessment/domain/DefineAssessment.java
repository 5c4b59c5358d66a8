package org.mastery.assessment.assessment.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define an assessment, aligned to competencies whose scales are copied into {@code spec}. */
public record DefineAssessment(@TargetAggregateIdentifier String assessmentId, String title, AssessmentSpec spec,
                               String authorId) {
}

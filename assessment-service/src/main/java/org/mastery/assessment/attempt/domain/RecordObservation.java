package org.mastery.assessment.attempt.domain;

import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mastery.assessment.assessment.domain.AssessmentSpec;

/**
 * A teacher observed a student's work and scored it with the rubric on the spot: an attempt that is
 * started, submitted (at {@code observedAt}) and scored in one go.
 */
public record RecordObservation(@TargetAggregateIdentifier String seriesId, String studentId, AssessmentSpec spec,
                                Map<String, Integer> criterionLevels, Instant observedAt, String observerId,
                                String requestKey) {

    public RecordObservation {
        criterionLevels = criterionLevels == null ? Map.of() : Map.copyOf(criterionLevels);
    }
}

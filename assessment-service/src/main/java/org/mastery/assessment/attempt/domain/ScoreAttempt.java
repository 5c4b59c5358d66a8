package org.mastery.assessment.attempt.domain;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mastery.assessment.assessment.domain.AssessmentSpec;

/** Score a submitted rubric attempt: a level per criterion (criterion id → level). */
public record ScoreAttempt(@TargetAggregateIdentifier String seriesId, String attemptId, AssessmentSpec spec,
                           Map<String, Integer> criterionLevels, String scorerId) {

    public ScoreAttempt {
        criterionLevels = criterionLevels == null ? Map.of() : Map.copyOf(criterionLevels);
    }
}

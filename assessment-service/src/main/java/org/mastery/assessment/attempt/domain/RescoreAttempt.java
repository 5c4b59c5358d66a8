package org.mastery.assessment.attempt.domain;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mastery.assessment.assessment.domain.AssessmentSpec;

/**
 * Score a scored attempt again. Rubric attempts take a complete new set of criterion levels;
 * answer-key attempts take item credits that override the marking of some items (e.g. an
 * ambiguous item credited to everyone). The old evidence is superseded, never edited.
 */
public record RescoreAttempt(@TargetAggregateIdentifier String seriesId, String attemptId, AssessmentSpec spec,
                             Map<String, Integer> criterionLevels, Map<String, Boolean> itemCredits,
                             String reasonCode, String scorerId) {

    public RescoreAttempt {
        criterionLevels = criterionLevels == null ? Map.of() : Map.copyOf(criterionLevels);
        itemCredits = itemCredits == null ? Map.of() : Map.copyOf(itemCredits);
    }
}

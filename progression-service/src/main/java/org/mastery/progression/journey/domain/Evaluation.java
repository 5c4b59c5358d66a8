package org.mastery.progression.journey.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of evaluating one competency of a journey.
 *
 * @param state the state in force (the override's, while one is active)
 * @param calculatedState the state the evidence and policy give
 * @param phaseScore the score used for the level and phase: the method's value when it is on the scale,
 *     otherwise the latest score
 * @param lapsedBy the summative evidence that lapsed mastery, when the calculated state is NEEDS_REVIEW
 */
public record Evaluation(
        MasteryState state,
        MasteryState calculatedState,
        Double value,
        Double phaseScore,
        Integer level,
        String phaseId,
        int evidenceCount,
        Instant lastObservedAt,
        Explanation explanation,
        String lapsedBy) {

    /** Whether a decision must be recorded going from {@code before} to this. */
    public boolean differsFrom(Evaluation before) {
        return before == null
                || state != before.state
                || !Objects.equals(value, before.value)
                || !Objects.equals(phaseId, before.phaseId)
                || explanation.policyVersion() != before.explanation.policyVersion()
                || explanation.competencyVersion() != before.explanation.competencyVersion()
                || !Objects.equals(explanation.overrideId(), before.explanation.overrideId());
    }
}

package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** The state, score or phase of a competency changed (or was re-evaluated under a new policy version). */
@Revision("1")
public record MasteryLevelChanged(String studentId, String competencyId, MasteryState state, String phaseId, Double value,
                                  Integer level, int evidenceCount, Explanation explanation) implements JourneyDecision {
}

package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** Mastery of a competency was demonstrated (or set by a teacher's override). */
@Revision("1")
public record CompetencyMastered(String studentId, String competencyId, Double value, Explanation explanation) implements JourneyDecision {
}

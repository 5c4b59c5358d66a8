package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** The journey adopted a competency's policy version: decisions from here on are made under it (internal). */
@Revision("1")
public record PolicyAdopted(String studentId, String competencyId, CompetencyPolicy policy) implements JourneyFact {
}

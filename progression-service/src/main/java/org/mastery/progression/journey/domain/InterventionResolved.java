package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** The student later scored at or above the cut. */
@Revision("1")
public record InterventionResolved(String interventionId, String studentId, String competencyId, String evidenceId) implements JourneyFact {
}

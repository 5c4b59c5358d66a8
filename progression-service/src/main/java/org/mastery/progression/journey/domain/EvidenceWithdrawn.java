package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** A piece of evidence stopped counting (VOIDED, or RESCORED: superseded). */
@Revision("1")
public record EvidenceWithdrawn(String studentId, String evidenceId, String competencyId, String reasonCode) implements JourneyFact {
}

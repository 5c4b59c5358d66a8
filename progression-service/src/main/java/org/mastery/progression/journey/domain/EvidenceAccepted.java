package org.mastery.progression.journey.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A piece of evidence counts in the journey (a duplicate is never accepted twice). */
@Revision("1")
public record EvidenceAccepted(String studentId, String evidenceId, String competencyId, double score, String method,
                               String assessmentType, String assessmentId, Instant observedAt) implements JourneyFact {
}

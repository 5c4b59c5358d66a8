package org.mastery.progression.journey.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The student needs help on a competency (SPEC section 3). */
@Revision("1")
public record InterventionRecommended(String interventionId, String studentId, String competencyId, String reason,
                                      List<String> evidenceIds, Instant triggeredAt) implements JourneyFact {
}

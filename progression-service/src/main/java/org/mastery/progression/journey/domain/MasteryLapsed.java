package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** A later summative score below the cut lapsed mastery under a retention policy. */
@Revision("1")
public record MasteryLapsed(String studentId, String competencyId, String evidenceId, Explanation explanation) implements JourneyDecision {
}

package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** The retake of a failed summative assessment is unlocked (PRACTICE_COMPLETED or INTERVENTION_RESOLVED). */
@Revision("1")
public record ReassessmentUnlocked(String studentId, String assessmentId, String competencyId, String reason) implements JourneyFact {
}

package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** The competency of a student's goal was mastered. */
@Revision("1")
public record GoalAchieved(String goalId, String studentId, String competencyId) implements JourneyFact {
}

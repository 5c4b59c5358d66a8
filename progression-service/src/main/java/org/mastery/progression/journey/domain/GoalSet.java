package org.mastery.progression.journey.domain;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** A student set a goal; the note stays in the deletable text store. */
@Revision("1")
public record GoalSet(String goalId, String studentId, String competencyId, LocalDate targetDate) implements JourneyFact {
}

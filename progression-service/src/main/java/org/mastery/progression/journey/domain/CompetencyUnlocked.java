package org.mastery.progression.journey.domain;

import java.util.List;
import org.axonframework.serialization.Revision;

/** Every prerequisite of a competency is mastered. */
@Revision("1")
public record CompetencyUnlocked(String studentId, String competencyId, List<String> prerequisiteIds) implements JourneyFact {
}

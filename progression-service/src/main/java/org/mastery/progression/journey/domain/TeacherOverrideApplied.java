package org.mastery.progression.journey.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A teacher set a competency's state by hand; the written reason stays in the deletable text store. */
@Revision("1")
public record TeacherOverrideApplied(String overrideId, String studentId, String competencyId, String teacherId,
                                     MasteryState state, String reasonCode, Instant expiresAt) implements JourneyFact {
}

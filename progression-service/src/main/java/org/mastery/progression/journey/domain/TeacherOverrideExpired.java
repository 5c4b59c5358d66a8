package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** An override reached its expiry: the calculated state applies again. */
@Revision("1")
public record TeacherOverrideExpired(String overrideId, String studentId, String competencyId) implements JourneyFact {
}

package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** A student recorded a reflection; its text stays in the deletable text store. */
@Revision("1")
public record ReflectionRecorded(String reflectionId, String studentId, String competencyId) implements JourneyFact {
}

package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A person was registered by pseudonymous id and role (no names: those live in the deletable personal-data store). */
@Revision("1")
public record PersonRegistered(String personId, String role, String schoolId, String gradeLevel, Instant registeredAt) {
}

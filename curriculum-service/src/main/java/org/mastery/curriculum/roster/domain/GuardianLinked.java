package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A guardian was linked to a student. */
@Revision("1")
public record GuardianLinked(String studentId, String guardianId, String relationship, Instant linkedAt) {
}

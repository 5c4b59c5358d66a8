package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A teacher no longer teaches a class. */
@Revision("1")
public record TeacherUnassigned(String classId, String teacherId, Instant unassignedAt) {
}

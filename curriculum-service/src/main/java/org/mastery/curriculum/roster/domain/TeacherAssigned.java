package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A teacher was assigned to a class. */
@Revision("1")
public record TeacherAssigned(String classId, String teacherId, Instant assignedAt) {
}

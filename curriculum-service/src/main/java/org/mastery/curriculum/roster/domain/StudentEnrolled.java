package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A student was enrolled in a class. */
@Revision("1")
public record StudentEnrolled(String classId, String studentId, Instant enrolledAt) {
}

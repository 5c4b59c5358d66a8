package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A student left a class. */
@Revision("1")
public record StudentUnenrolled(String classId, String studentId, Instant unenrolledAt) {
}

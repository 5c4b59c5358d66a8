package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A class (section) was created. */
@Revision("1")
public record ClassCreated(String classId, String schoolId, String courseId, String title, String term, Instant createdAt) {
}

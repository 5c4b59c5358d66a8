package org.mastery.curriculum.course.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A course was defined (version 1). */
@Revision("1")
public record CourseDefined(String courseId, int version, CourseContent content, Instant definedAt) {
}

package org.mastery.curriculum.course.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A course got a new definition version. */
@Revision("1")
public record CourseRevised(String courseId, int version, int previousVersion, CourseContent content, Instant revisedAt) {
}

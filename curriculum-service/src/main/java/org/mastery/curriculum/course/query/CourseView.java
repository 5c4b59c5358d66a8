package org.mastery.curriculum.course.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A course as clients read it (its current version), one document per course. */
@Document("course_views")
public record CourseView(@Id String courseId, int version, String code, String title, String subject, double credits,
                         List<String> competencyIds, Instant changedAt) {
}

package org.mastery.curriculum.roster.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A class (section) with its teachers and students (ids only), one document per class. */
@Document("roster_classes")
public record ClassView(@Id String classId, String schoolId, String courseId, String title, String term,
                        List<String> teacherIds, List<String> studentIds, Instant createdAt) {
}

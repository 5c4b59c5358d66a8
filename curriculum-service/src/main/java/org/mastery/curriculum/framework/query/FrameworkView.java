package org.mastery.curriculum.framework.query;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The framework as clients read it, one document per framework. */
@Document("framework_views")
public record FrameworkView(@Id String frameworkId, int version, String status, String title, String subject,
                            String gradeBand, String authorId, Instant draftedAt) {
}

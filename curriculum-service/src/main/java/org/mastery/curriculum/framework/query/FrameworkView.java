package org.mastery.curriculum.framework.query;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The framework as clients read it, one document per framework (all versions: the current one and
 * the last published), its competencies summarised by id.
 *
 * @param version the current version (a draft when {@code status} is DRAFT)
 * @param publishedVersion the last published version, null if none yet
 * @param authorId who opened the current version
 * @param ownerId who created the framework (may change and publish it, as administrators may)
 */
@Document("framework_views")
public record FrameworkView(@Id String frameworkId, int version, String status, String title, String subject,
                            String gradeBand, String ownerId, String authorId, String caseDocumentId, Instant draftedAt,
                            Integer publishedVersion, Instant publishedAt, Instant retiredAt,
                            Map<String, CompetencySummary> competencies) {
}

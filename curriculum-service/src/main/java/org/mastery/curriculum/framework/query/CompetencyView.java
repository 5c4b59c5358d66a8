package org.mastery.curriculum.framework.query;

import java.time.Instant;
import org.mastery.curriculum.framework.domain.CompetencyContent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest definition of a competency (a draft revision when its framework has one open), with
 * the competency version last published; one document per competency.
 */
@Document("competency_views")
public record CompetencyView(@Id String competencyId, String frameworkId, int frameworkVersion, int competencyVersion,
                             int policyVersion, String status, Integer publishedVersion, CompetencyContent content,
                             Instant changedAt) {
}

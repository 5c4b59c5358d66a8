package org.mastery.curriculum.framework.query;

import java.time.Instant;
import org.mastery.curriculum.framework.domain.CompetencyContent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a competency, kept for good ({@code _id} = {@code competencyId@version}), so that
 * evidence and decisions pinned to an older version (and policy version) stay interpretable.
 */
@Document("competency_versions")
public record CompetencyVersionView(@Id String id, String competencyId, String frameworkId, int frameworkVersion,
                                    int competencyVersion, int policyVersion, String status, CompetencyContent content,
                                    Instant changedAt) {

    public static String idOf(String competencyId, int competencyVersion) {
        return competencyId + "@" + competencyVersion;
    }
}

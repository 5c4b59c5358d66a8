package org.mastery.curriculum.framework.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A competency got a new definition version in a draft framework version. Its status is DRAFT.
 *
 * @param publishedBefore true when an earlier version of the competency was published: this draft
 *     revision then stays internal until the framework version is published
 */
@Revision("1")
public record CompetencyRevised(String frameworkId, int frameworkVersion, String competencyId, int competencyVersion,
                                int previousVersion, int policyVersion, CompetencyContent content,
                                boolean publishedBefore, Instant revisedAt) {
}

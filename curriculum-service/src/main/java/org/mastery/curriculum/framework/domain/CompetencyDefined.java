package org.mastery.curriculum.framework.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A competency was added to a draft framework version: its first definition, status DRAFT. */
@Revision("1")
public record CompetencyDefined(String frameworkId, int frameworkVersion, String competencyId, int competencyVersion,
                                int policyVersion, CompetencyContent content, Instant definedAt) {
}

package org.mastery.curriculum.framework.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A competency was retired (with its framework): nothing new may align to it. */
@Revision("1")
public record CompetencyRetired(String frameworkId, String competencyId, int competencyVersion, Instant retiredAt) {
}

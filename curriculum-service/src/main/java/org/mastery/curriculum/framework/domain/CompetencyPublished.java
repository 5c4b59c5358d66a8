package org.mastery.curriculum.framework.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A competency's definition was published with its framework version: a new competency version
 * whose status is PUBLISHED. Emitted, before {@link FrameworkPublished}, for every competency the
 * version defined or revised.
 */
@Revision("1")
public record CompetencyPublished(String frameworkId, int frameworkVersion, String competencyId, int competencyVersion,
                                  int previousVersion, int policyVersion, CompetencyContent content, Instant publishedAt) {
}

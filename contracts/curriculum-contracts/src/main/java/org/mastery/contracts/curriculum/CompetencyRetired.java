package org.mastery.contracts.curriculum;

import java.time.Instant;

/**
 * A competency was retired. Published on {@link CurriculumTopics#FRAMEWORKS} as {@code
 * curriculum.CompetencyRetired}.
 */
public record CompetencyRetired(
        String competencyId,
        String frameworkId,
        int competencyVersion,
        Instant retiredAt) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "curriculum.CompetencyRetired";
}

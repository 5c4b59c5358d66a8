package org.mastery.contracts.curriculum;

import java.time.Instant;

/**
 * A framework was retired: no new assessments may align to its competencies. Published on {@link
 * CurriculumTopics#FRAMEWORKS} as {@code curriculum.FrameworkRetired}.
 */
public record FrameworkRetired(
        String frameworkId,
        int version,
        Instant retiredAt) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "curriculum.FrameworkRetired";
}

package org.mastery.contracts.curriculum;

import java.time.Instant;
import java.util.List;

/**
 * A framework version was published; it is immutable from now on. Published on {@link
 * CurriculumTopics#FRAMEWORKS} as {@code curriculum.FrameworkPublished}.
 *
 * @param competencyIds every competency of this version
 */
public record FrameworkPublished(
        String frameworkId,
        int version,
        List<String> competencyIds,
        Instant publishedAt) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "curriculum.FrameworkPublished";
}

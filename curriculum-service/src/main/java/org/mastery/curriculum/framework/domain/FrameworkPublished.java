package org.mastery.curriculum.framework.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A framework version was published and is immutable from now on; it holds these competencies. */
@Revision("1")
public record FrameworkPublished(String frameworkId, int version, List<String> competencyIds, Instant publishedAt) {
}

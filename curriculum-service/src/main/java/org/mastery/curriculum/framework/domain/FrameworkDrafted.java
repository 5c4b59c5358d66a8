package org.mastery.curriculum.framework.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A framework was opened for authoring. */
@Revision("1")
public record FrameworkDrafted(String frameworkId, int version, String title, String subject, String gradeBand,
                               String authorId, Instant draftedAt) {
}

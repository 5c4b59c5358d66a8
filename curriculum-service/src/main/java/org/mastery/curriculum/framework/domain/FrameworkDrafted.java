package org.mastery.curriculum.framework.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A framework version was opened for authoring: version 1 of a new framework, or the next draft of a
 * published one.
 *
 * @param caseDocumentId the CASE CFDocument identifier when the framework was imported, else null
 */
@Revision("1")
public record FrameworkDrafted(String frameworkId, int version, String title, String subject, String gradeBand,
                               String authorId, Instant draftedAt, String caseDocumentId) {
}

package org.mastery.contracts.curriculum;

/**
 * A framework version was opened for authoring (a new framework, or a new draft of a published
 * one). Published on {@link CurriculumTopics#FRAMEWORKS} as {@code curriculum.FrameworkDrafted}.
 *
 * @param frameworkId stable id of the framework across versions
 * @param version the draft version number, 1 for a new framework
 * @param gradeBand e.g. "6-7"
 * @param caseDocumentId CASE CFDocument identifier when imported, else null
 * @param authorId who opened the draft
 */
public record FrameworkDrafted(
        String frameworkId,
        int version,
        String title,
        String subject,
        String gradeBand,
        String caseDocumentId,
        String authorId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "curriculum.FrameworkDrafted";
}

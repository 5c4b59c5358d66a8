package org.mastery.contracts.assessment;

import java.time.Instant;

/**
 * A piece of evidence of a student's proficiency on one competency. Published on {@link
 * AssessmentTopics#EVIDENCE} as {@code assessment.EvidenceRecorded}.
 *
 * @param score on the competency's proficiency scale
 * @param method assessment method
 * @param assessmentType FORMATIVE, INTERIM or SUMMATIVE
 * @param attemptId null for xAPI statements
 * @param statementId xAPI statement id, when the evidence came from one
 * @param observedAt when the work was done: evidence is ordered by it
 * @param supersedes the evidence this replaces after a rescore, else null
 */
public record EvidenceRecorded(
        String evidenceId,
        String studentId,
        String competencyId,
        double score,
        String method,
        String assessmentType,
        String assessmentId,
        String attemptId,
        String statementId,
        String scorerId,
        Instant observedAt,
        Instant recordedAt,
        String supersedes) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "assessment.EvidenceRecorded";
}

package org.mastery.assessment.evidence.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.assessment.domain.AssessmentType;

/**
 * A piece of evidence of a student's proficiency on one competency, from a scored attempt or an
 * xAPI statement. {@code observedAt} is when the work was done (submission), not when it was scored.
 */
@Revision("1")
public record EvidenceRecorded(String evidenceId, String studentId, String competencyId, double score,
                               AssessmentMethod method, AssessmentType assessmentType, String assessmentId,
                               String attemptId, String statementId, String scorerId, Instant observedAt,
                               Instant recordedAt, String supersedes) {
}

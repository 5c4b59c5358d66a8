package org.mastery.assessment.xapi.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.attempt.domain.CompetencyResult;

/** An xAPI statement was accepted; its evidence follows as {@code EvidenceRecorded} events. */
@Revision("1")
public record StatementRecorded(String statementKey, String statementId, String studentId, String activityId,
                                String assessmentId, AssessmentMethod method, Double scaled, Boolean success,
                                List<CompetencyResult> scores, String fingerprint, Instant observedAt,
                                String recordedBy, Instant recordedAt) {
}

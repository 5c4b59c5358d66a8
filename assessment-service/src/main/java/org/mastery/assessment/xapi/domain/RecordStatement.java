package org.mastery.assessment.xapi.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mastery.assessment.assessment.domain.AlignedCompetency;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.assessment.domain.AssessmentType;

/**
 * Record an xAPI statement's result as evidence on the competencies its activity is mapped to.
 *
 * @param statementKey the aggregate id, derived from the statement id
 * @param fingerprint a digest of what the statement says; the same id with another fingerprint is a conflict
 */
public record RecordStatement(@TargetAggregateIdentifier String statementKey, String statementId, String studentId,
                              String activityId, String assessmentId, AssessmentType assessmentType,
                              AssessmentMethod method, List<AlignedCompetency> competencies, double masteryThreshold,
                              StatementResult result, Instant observedAt, String recordedBy, String fingerprint) {

    public RecordStatement {
        competencies = competencies == null ? List.of() : List.copyOf(competencies);
    }

    public static String keyOf(String statementId) {
        return "xst-" + statementId.toLowerCase(java.util.Locale.ROOT);
    }
}

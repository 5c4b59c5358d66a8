package org.mastery.assessment.attempt.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An attempt was handed in: the moment the work was done. Only counts are recorded here; the
 * responses and evidence links stay in the service's deletable store.
 *
 * @param awaitingScoring true when a teacher must score it with the rubric
 */
@Revision("1")
public record AttemptSubmitted(String seriesId, String attemptId, String studentId, String assessmentId,
                               int attemptNumber, String formId, String submittedBy, Instant submittedAt, boolean awaitingScoring, int responseCount,
                               int evidenceUriCount) {
}

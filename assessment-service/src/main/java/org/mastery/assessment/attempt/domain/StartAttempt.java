package org.mastery.assessment.attempt.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mastery.assessment.assessment.domain.AssessmentSpec;

/**
 * Start a student's next attempt on an assessment and assign its form.
 *
 * @param requestKey a digest of the caller's Idempotency-Key, or null: a repeated key answers the
 *     attempt it started instead of starting another
 */
public record StartAttempt(@TargetAggregateIdentifier String seriesId, String studentId, AssessmentSpec spec,
                           String startedBy, String requestKey) {
}

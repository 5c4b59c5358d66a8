package org.mastery.assessment.attempt.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An attempt was started and given a form. */
@Revision("1")
public record AttemptStarted(String seriesId, String attemptId, String studentId, String assessmentId,
                             int attemptNumber, String formId, String startedBy, Instant startedAt, String requestKey) {
}

package org.mastery.assessment.attempt.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Practice on a competency the student fell short on was completed (progression's decision); once
 * every such competency is practised, the retake is unlocked before the cool-down ends.
 */
@Revision("1")
public record RetakePracticeCompleted(String seriesId, String studentId, String assessmentId, String failedAttemptId,
                                      String competencyId, String reason, Instant recordedAt) {
}

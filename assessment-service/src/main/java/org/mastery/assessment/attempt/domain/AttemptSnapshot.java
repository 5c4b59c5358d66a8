package org.mastery.assessment.attempt.domain;

import java.time.Instant;
import java.util.List;

/**
 * An attempt as it stands after a command, answered to the caller.
 *
 * @param replayed true when the command repeated an earlier request (same idempotency key) and changed nothing
 * @param scoringRound 0 until scored, 1 after the first scoring, 2… after rescores
 * @param retakeAvailableAt for a failed summative attempt, when the cool-down ends
 */
public record AttemptSnapshot(String attemptId, String studentId, String assessmentId, int attemptNumber, String formId,
                              AttemptStatus status, int scoringRound, Instant startedAt, Instant submittedAt, Instant scoredAt,
                              List<CompetencyResult> scores, Boolean passed, Instant retakeAvailableAt,
                              boolean replayed) {
}

package org.mastery.assessment.attempt.domain;

import java.time.Instant;
import java.util.List;

/**
 * A retake after a failed summative attempt is not yet allowed: it will be at {@code retryAfter}
 * (the cool-down), or earlier once practice on {@code practiceRequired} is completed (when the
 * assessment lets practice unlock it).
 */
public class RetakeLockedException extends RuntimeException {

    private final String assessmentId;
    private final String failedAttemptId;
    private final Instant retryAfter;
    private final boolean practiceUnlocks;
    private final List<String> practiceRequired;

    public RetakeLockedException(String assessmentId, String failedAttemptId, Instant retryAfter, boolean practiceUnlocks,
                                 List<String> practiceRequired) {
        super("A retake of assessment " + assessmentId + " is allowed from " + retryAfter
                + (practiceUnlocks ? ", or earlier once the assigned practice on " + String.join(", ", practiceRequired)
                        + " is completed" : ""));
        this.assessmentId = assessmentId;
        this.failedAttemptId = failedAttemptId;
        this.retryAfter = retryAfter;
        this.practiceUnlocks = practiceUnlocks;
        this.practiceRequired = List.copyOf(practiceRequired);
    }

    public String assessmentId() {
        return assessmentId;
    }

    public String failedAttemptId() {
        return failedAttemptId;
    }

    public Instant retryAfter() {
        return retryAfter;
    }

    public boolean practiceUnlocks() {
        return practiceUnlocks;
    }

    public List<String> practiceRequired() {
        return practiceRequired;
    }
}

package org.mastery.assessment.attempt.domain;

/** The attempt is not in a state that allows this (answered 409). */
public class AttemptConflictException extends RuntimeException {

    /** Machine-readable reasons. */
    public enum Reason {
        ATTEMPT_IN_PROGRESS, AWAITING_SCORING, ALREADY_SUBMITTED, NOT_SUBMITTED, ALREADY_SCORED, NOT_SCORED,
        AUTO_SCORED, VOIDED
    }

    private final Reason reason;
    private final String attemptId;

    public AttemptConflictException(Reason reason, String attemptId, String message) {
        super(message);
        this.reason = reason;
        this.attemptId = attemptId;
    }

    public Reason reason() {
        return reason;
    }

    public String attemptId() {
        return attemptId;
    }
}

package org.mastery.assessment.attempt.domain;

/** No attempt with this id. */
public class NoSuchAttemptException extends RuntimeException {

    private final String attemptId;

    public NoSuchAttemptException(String attemptId) {
        super("No attempt with id " + attemptId);
        this.attemptId = attemptId;
    }

    public String attemptId() {
        return attemptId;
    }
}

package org.mastery.curriculum.framework.domain;

/** The change conflicts with the framework's current state (retired, already published, duplicate code…); 409. */
public class FrameworkConflictException extends RuntimeException {

    public FrameworkConflictException(String message) {
        super(message);
    }
}

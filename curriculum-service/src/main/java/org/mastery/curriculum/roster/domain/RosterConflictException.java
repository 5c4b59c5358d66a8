package org.mastery.curriculum.roster.domain;

/** The change conflicts with the roster as it is (e.g. a guardian link on someone who is not a student); 409. */
public class RosterConflictException extends RuntimeException {

    public RosterConflictException(String message) {
        super(message);
    }
}

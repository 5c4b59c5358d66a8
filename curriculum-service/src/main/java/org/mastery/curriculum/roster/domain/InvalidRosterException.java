package org.mastery.curriculum.roster.domain;

/** Roster data is missing or malformed; 400. */
public class InvalidRosterException extends RuntimeException {

    public InvalidRosterException(String message) {
        super(message);
    }
}

package org.mastery.progression.journey.domain;

/** A command the journey refuses because it is malformed (a programming or data error, not a race). */
public class InvalidJourneyCommandException extends RuntimeException {

    public InvalidJourneyCommandException(String message) {
        super(message);
    }
}

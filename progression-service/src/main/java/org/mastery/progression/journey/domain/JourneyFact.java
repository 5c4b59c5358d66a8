package org.mastery.progression.journey.domain;

/**
 * An event that changes the journey's state. Decisions derived from the evidence (level changes,
 * mastery, lapses) are not facts: the journey re-derives them when it needs them, so loading a journey
 * never has to read their (large) explanations.
 */
public interface JourneyFact {

    String studentId();
}

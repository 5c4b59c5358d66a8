package org.mastery.progression.journey.domain;

/**
 * A decision derived from the evidence and policy (level change, mastery, lapse). The journey never
 * reads its payload back: it re-derives it; loading a journey only follows its hash chain.
 */
public interface JourneyDecision {

    String studentId();
}

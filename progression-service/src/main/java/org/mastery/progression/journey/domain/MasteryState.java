package org.mastery.progression.journey.domain;

/** The states of a (student, competency) pair, SPEC section 3. */
public enum MasteryState {
    NOT_STARTED, INSUFFICIENT_EVIDENCE, IN_PROGRESS, MASTERED, NEEDS_REVIEW
}

package org.mastery.curriculum.framework.domain;

/** A competency (or its scale, policy, phases) breaks a rule of its own; answered with 400. */
public class InvalidCompetencyException extends RuntimeException {

    public InvalidCompetencyException(String message) {
        super(message);
    }
}

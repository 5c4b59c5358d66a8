package org.mastery.curriculum.framework.domain;

/** A framework's own data (title, subject, grade band) is missing or malformed; 400. */
public class InvalidFrameworkException extends RuntimeException {

    public InvalidFrameworkException(String message) {
        super(message);
    }
}

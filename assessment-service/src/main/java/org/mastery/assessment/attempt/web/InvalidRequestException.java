package org.mastery.assessment.attempt.web;

/** A request that is well-formed JSON but cannot be accepted as it is (answered 400). */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}

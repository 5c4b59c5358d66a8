package org.mastery.curriculum.config;

/**
 * A request body refers to ids that do not exist or are of the wrong kind (e.g. a course with an
 * unknown competency, an enrolment of someone who is not a student); 400 naming them. Unknown ids in
 * the path are 404 instead.
 */
public class InvalidReferenceException extends RuntimeException {

    public InvalidReferenceException(String message) {
        super(message);
    }
}

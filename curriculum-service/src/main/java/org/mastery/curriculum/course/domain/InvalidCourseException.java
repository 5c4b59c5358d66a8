package org.mastery.curriculum.course.domain;

/** A course's data is missing or malformed; 400. */
public class InvalidCourseException extends RuntimeException {

    public InvalidCourseException(String message) {
        super(message);
    }
}

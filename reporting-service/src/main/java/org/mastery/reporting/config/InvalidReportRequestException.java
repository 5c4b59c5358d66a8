package org.mastery.reporting.config;

/** A query parameter that cannot be understood (400). */
public class InvalidReportRequestException extends RuntimeException {

    public InvalidReportRequestException(String message) {
        super(message);
    }
}

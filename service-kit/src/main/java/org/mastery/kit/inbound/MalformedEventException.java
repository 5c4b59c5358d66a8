package org.mastery.kit.inbound;

/** A record that is not a CloudEvent of the expected contract; retrying cannot fix it. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

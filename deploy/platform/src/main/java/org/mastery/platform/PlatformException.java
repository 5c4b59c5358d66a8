package org.mastery.platform;

/** A platform could not be started, or a part of it failed; the message says what and where to look. */
public class PlatformException extends RuntimeException {

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}

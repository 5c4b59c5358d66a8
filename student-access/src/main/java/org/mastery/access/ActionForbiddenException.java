package org.mastery.access;

/** The viewer may see the object but not do this to it (403), e.g. a student calling an override. */
public class ActionForbiddenException extends RuntimeException {

    public ActionForbiddenException(String message) {
        super(message);
    }
}

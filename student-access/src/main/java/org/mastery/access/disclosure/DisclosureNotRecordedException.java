package org.mastery.access.disclosure;

/** The disclosure could not be recorded, so the student's data was not disclosed (503). */
public class DisclosureNotRecordedException extends RuntimeException {

    public DisclosureNotRecordedException(Throwable cause) {
        super("The access to this student's record could not be recorded, so it was not answered; try again later", cause);
    }
}

package org.mastery.contracts.progression;

/**
 * A student withdrew the offer to tutor. Published on {@link ProgressionTopics#JOURNEYS} as {@code
 * progression.PeerTutoringOptedOut}.
 */
public record PeerTutoringOptedOut(
        String studentId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.PeerTutoringOptedOut";
}

package org.mastery.contracts.progression;

/**
 * A student offered to tutor classmates on competencies they have mastered. Published on {@link
 * ProgressionTopics#JOURNEYS} as {@code progression.PeerTutoringOptedIn}.
 */
public record PeerTutoringOptedIn(
        String studentId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.PeerTutoringOptedIn";
}

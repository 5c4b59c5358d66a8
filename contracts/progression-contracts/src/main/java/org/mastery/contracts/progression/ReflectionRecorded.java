package org.mastery.contracts.progression;

/**
 * A student recorded a reflection (its text stays in progression's deletable store). Published on
 * {@link ProgressionTopics#JOURNEYS} as {@code progression.ReflectionRecorded}.
 *
 * @param competencyId may be null
 */
public record ReflectionRecorded(
        String reflectionId,
        String studentId,
        String competencyId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.ReflectionRecorded";
}

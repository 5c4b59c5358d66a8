package org.mastery.contracts.curriculum;

/**
 * A learning resource for a phase.
 *
 * @param kind e.g. VIDEO, PRACTICE, READING
 */
public record LearningResource(
        String title,
        String uri,
        String kind) {
}

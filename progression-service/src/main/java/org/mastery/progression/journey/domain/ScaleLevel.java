package org.mastery.progression.journey.domain;

/** One level of a proficiency scale, e.g. 3 Proficient. */
public record ScaleLevel(int value, String label) {
}

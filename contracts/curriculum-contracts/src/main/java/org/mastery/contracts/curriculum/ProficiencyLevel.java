package org.mastery.contracts.curriculum;

/**
 * One level of a proficiency scale.
 *
 * @param label e.g. Proficient
 */
public record ProficiencyLevel(
        int value,
        String label,
        String descriptor) {
}

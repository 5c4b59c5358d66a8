package org.mastery.contracts.assessment;

/**
 * When a failed summative attempt may be retaken.
 *
 * @param coolDownHours default 24
 * @param practiceUnlocks completing assigned practice unlocks the retake before the cool-down
 *     ends
 */
public record RetakePolicy(
        int coolDownHours,
        boolean practiceUnlocks) {
}

package org.mastery.contracts.curriculum;

import java.util.List;

/**
 * An intermediate stage on the way to mastery, with its score band and resources.
 *
 * @param minScore inclusive
 * @param maxScore exclusive, except for the top phase
 */
public record ProgressionPhase(
        String phaseId,
        int order,
        String label,
        double minScore,
        double maxScore,
        List<LearningResource> resources) {
}

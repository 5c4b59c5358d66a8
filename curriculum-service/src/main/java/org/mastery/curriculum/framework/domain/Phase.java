package org.mastery.curriculum.framework.domain;

import java.util.List;

/**
 * An ordered intermediate stage on the way to mastery with its score band ({@code minScore}
 * inclusive, {@code maxScore} exclusive except for the top phase) and its resources.
 */
public record Phase(String phaseId, int order, String label, double minScore, double maxScore, List<Resource> resources) {

    public Phase {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}

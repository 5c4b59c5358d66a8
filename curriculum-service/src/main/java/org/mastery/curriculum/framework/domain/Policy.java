package org.mastery.curriculum.framework.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How mastery is decided (SPEC section 3): a method with its parameters, the least number of
 * evidence scores, assessment methods that must appear among the evidence, and whether a later
 * summative score below the cut lapses mastery. Its version is kept by the competency.
 */
public record Policy(String method, Map<String, Double> parameters, int minEvidence, List<String> requiredMethods,
                     boolean retention) {

    public Policy {
        parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
        requiredMethods = requiredMethods == null ? List.of() : List.copyOf(requiredMethods);
    }

    /** {@code DECAYING_AVERAGE(w=0.65)}, at least 2 scores, no required methods, no retention check. */
    public static Policy standard() {
        return new Policy(PolicyRules.DECAYING_AVERAGE, Map.of("w", 0.65), 2, List.of(), false);
    }
}

package org.mastery.progression.journey.domain;

import java.util.List;
import java.util.Map;

/**
 * Why a decision was made: re-deriving it from these inputs gives the same result.
 *
 * @param evidence in observation order
 * @param state the state decided (an override's state when a teacher override decides it)
 * @param overrideId set when a teacher override decides the state
 */
public record Explanation(
        String method,
        Map<String, Double> parameters,
        int policyVersion,
        int competencyVersion,
        double cut,
        int minEvidence,
        List<String> requiredMethods,
        List<String> missingMethods,
        List<EvidenceUsed> evidence,
        Double value,
        String state,
        String overrideId) {
}

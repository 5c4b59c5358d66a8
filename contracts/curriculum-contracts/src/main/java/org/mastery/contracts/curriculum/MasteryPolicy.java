package org.mastery.contracts.curriculum;

import java.util.List;
import java.util.Map;

/**
 * How mastery of a competency is decided (SPEC section 3).
 *
 * @param policyVersion increments with every change of the policy
 * @param method DECAYING_AVERAGE, WEIGHTED_LATEST, N_TIMES, M_OF_N, LATEST, HIGHEST, AVERAGE or
 *     BKT
 * @param parameters e.g. {"w": 0.65}
 * @param requiredMethods assessment methods that must appear among the evidence
 * @param retention whether a later summative score below the cut lapses mastery
 */
public record MasteryPolicy(
        int policyVersion,
        String method,
        Map<String, Double> parameters,
        int minEvidence,
        List<String> requiredMethods,
        boolean retention) {
}

package org.mastery.curriculum.framework.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mastery methods of SPEC section 3, their parameters with defaults, and the ranges each
 * parameter may take. {@link #normalize} fills in defaults and refuses anything else.
 */
public final class PolicyRules {

    public static final String DECAYING_AVERAGE = "DECAYING_AVERAGE";
    public static final String WEIGHTED_LATEST = "WEIGHTED_LATEST";
    public static final String N_TIMES = "N_TIMES";
    public static final String M_OF_N = "M_OF_N";
    public static final String LATEST = "LATEST";
    public static final String HIGHEST = "HIGHEST";
    public static final String AVERAGE = "AVERAGE";
    public static final String BKT = "BKT";

    /** Every method with its parameters' defaults, in SPEC order. */
    public static final Map<String, Map<String, Double>> DEFAULTS = defaults();

    private static final Pattern METHOD_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private PolicyRules() {
    }

    private static Map<String, Map<String, Double>> defaults() {
        Map<String, Map<String, Double>> d = new LinkedHashMap<>();
        d.put(DECAYING_AVERAGE, Map.of("w", 0.65));
        d.put(WEIGHTED_LATEST, Map.of("w", 0.65));
        d.put(N_TIMES, Map.of("n", 3.0));
        d.put(M_OF_N, Map.of("m", 3.0, "n", 5.0));
        d.put(LATEST, Map.of());
        d.put(HIGHEST, Map.of());
        d.put(AVERAGE, Map.of());
        d.put(BKT, Map.of("pInit", 0.3, "pLearn", 0.1, "pGuess", 0.2, "pSlip", 0.1, "pForget", 0.0, "threshold", 0.95));
        return java.util.Collections.unmodifiableMap(d);
    }

    /** The policy with defaults filled in, or {@link InvalidCompetencyException} naming what is wrong. */
    public static Policy normalize(Policy policy) {
        if (policy == null) {
            return Policy.standard();
        }
        String method = policy.method() == null ? DECAYING_AVERAGE : policy.method().trim().toUpperCase();
        Map<String, Double> defaults = DEFAULTS.get(method);
        if (defaults == null) {
            throw new InvalidCompetencyException("policy.method '" + policy.method() + "' is not one of " + DEFAULTS.keySet());
        }
        Map<String, Double> parameters = new LinkedHashMap<>(defaults);
        for (Map.Entry<String, Double> given : policy.parameters().entrySet()) {
            if (!defaults.containsKey(given.getKey())) {
                throw new InvalidCompetencyException("policy.parameters." + given.getKey() + " is not a parameter of "
                        + method + (defaults.isEmpty() ? " (it takes none)" : " (it takes " + defaults.keySet() + ")"));
            }
            Double value = given.getValue();
            if (value == null || value.isNaN() || value.isInfinite()) {
                throw new InvalidCompetencyException("policy.parameters." + given.getKey() + " must be a number");
            }
            parameters.put(given.getKey(), value);
        }
        checkRanges(method, parameters);
        if (policy.minEvidence() < 1 || policy.minEvidence() > 100) {
            throw new InvalidCompetencyException("policy.minEvidence must be between 1 and 100 (got " + policy.minEvidence() + ")");
        }
        for (String required : policy.requiredMethods()) {
            if (required == null || !METHOD_NAME.matcher(required).matches()) {
                throw new InvalidCompetencyException("policy.requiredMethods holds '" + required
                        + "'; assessment methods are upper-case names such as PERFORMANCE_TASK");
            }
        }
        List<String> requiredMethods = policy.requiredMethods().stream().distinct().toList();
        return new Policy(method, parameters, policy.minEvidence(), requiredMethods, policy.retention());
    }

    private static void checkRanges(String method, Map<String, Double> p) {
        switch (method) {
            case DECAYING_AVERAGE -> {
                double w = p.get("w");
                require(w >= 0.5 && w < 1, "policy.parameters.w must be at least 0.5 and below 1 for DECAYING_AVERAGE (got " + w + ")");
            }
            case WEIGHTED_LATEST -> {
                double w = p.get("w");
                require(w > 0 && w < 1, "policy.parameters.w must be above 0 and below 1 for WEIGHTED_LATEST (got " + w + ")");
            }
            case N_TIMES -> {
                double n = p.get("n");
                require(isWhole(n) && n >= 1 && n <= 50, "policy.parameters.n must be a whole number from 1 to 50 (got " + n + ")");
            }
            case M_OF_N -> {
                double m = p.get("m");
                double n = p.get("n");
                require(isWhole(n) && n >= 1 && n <= 50, "policy.parameters.n must be a whole number from 1 to 50 (got " + n + ")");
                require(isWhole(m) && m >= 1, "policy.parameters.m must be a whole number of at least 1 (got " + m + ")");
                require(m <= n, "policy.parameters.m must not exceed n for M_OF_N (got m=" + m + ", n=" + n + ")");
            }
            case BKT -> {
                for (String probability : Set.of("pInit", "pLearn", "pGuess", "pSlip", "pForget")) {
                    double v = p.get(probability);
                    require(v >= 0 && v <= 1, "policy.parameters." + probability + " must be a probability from 0 to 1 (got " + v + ")");
                }
                require(p.get("pGuess") + p.get("pSlip") < 1,
                        "policy.parameters.pGuess + pSlip must be below 1, or a correct answer would not raise P(L)");
                double threshold = p.get("threshold");
                require(threshold > 0 && threshold < 1, "policy.parameters.threshold must be above 0 and below 1 (got " + threshold + ")");
            }
            default -> {
                // LATEST, HIGHEST, AVERAGE take no parameters
            }
        }
    }

    private static boolean isWhole(double v) {
        return v == Math.rint(v);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidCompetencyException(message);
        }
    }
}

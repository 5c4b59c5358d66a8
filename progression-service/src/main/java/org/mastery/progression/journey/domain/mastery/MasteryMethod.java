package org.mastery.progression.journey.domain.mastery;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The eight methods of SPEC section 3 with their default parameters. {@link #value} is the method's
 * score of a sequence, {@link #met} whether the method itself declares mastery (before
 * {@code minEvidence} and required methods are considered).
 */
public enum MasteryMethod {

    DECAYING_AVERAGE(true, Map.of("w", 0.65)),
    WEIGHTED_LATEST(true, Map.of("w", 0.65)),
    N_TIMES(true, Map.of("n", 3.0)),
    M_OF_N(false, Map.of("m", 3.0, "n", 5.0)),
    LATEST(true, Map.of()),
    HIGHEST(true, Map.of()),
    AVERAGE(true, Map.of()),
    BKT(false, Map.of("pInit", 0.3, "pLearn", 0.1, "pGuess", 0.2, "pSlip", 0.1, "pForget", 0.0, "threshold", 0.95));

    private final boolean onScale;
    private final Map<String, Double> defaults;

    MasteryMethod(boolean onScale, Map<String, Double> defaults) {
        this.onScale = onScale;
        this.defaults = Collections.unmodifiableMap(new TreeMap<>(defaults));
    }

    /** True when the value is a score on the competency's scale (M_OF_N is a share, BKT a probability). */
    public boolean valueOnScale() {
        return onScale;
    }

    public Map<String, Double> defaults() {
        return defaults;
    }

    public static MasteryMethod of(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown mastery method " + name);
        }
    }

    /**
     * The parameters in force: the defaults, overridden by the given ones; unknown or out-of-range
     * parameters are refused, so that a decision never silently runs on something else.
     */
    public Map<String, Double> effectiveParameters(Map<String, Double> given) {
        TreeMap<String, Double> effective = new TreeMap<>(defaults);
        if (given != null) {
            for (Map.Entry<String, Double> p : given.entrySet()) {
                if (!defaults.containsKey(p.getKey())) {
                    throw new IllegalArgumentException(name() + " has no parameter " + p.getKey());
                }
                if (p.getValue() == null || p.getValue().isNaN() || p.getValue().isInfinite()) {
                    throw new IllegalArgumentException(name() + " parameter " + p.getKey() + " must be a number");
                }
                effective.put(p.getKey(), p.getValue());
            }
        }
        validate(effective);
        return Collections.unmodifiableMap(effective);
    }

    private void validate(Map<String, Double> p) {
        switch (this) {
            case DECAYING_AVERAGE -> require(p.get("w") >= 0.5 && p.get("w") < 1, "w must be in [0.5, 1)");
            case WEIGHTED_LATEST -> require(p.get("w") > 0 && p.get("w") <= 1, "w must be in (0, 1]");
            case N_TIMES -> require(isCount(p.get("n")), "n must be a whole number ≥ 1");
            case M_OF_N -> require(isCount(p.get("m")) && isCount(p.get("n")) && p.get("m") <= p.get("n"),
                    "m and n must be whole numbers with 1 ≤ m ≤ n");
            case BKT -> {
                for (String key : new String[] {"pInit", "pLearn", "pGuess", "pSlip", "pForget"}) {
                    require(p.get(key) >= 0 && p.get(key) <= 1, key + " must be a probability");
                }
                require(p.get("pGuess") < 1 && p.get("pSlip") < 1, "pGuess and pSlip must be below 1");
                require(p.get("threshold") > 0 && p.get("threshold") <= 1, "threshold must be in (0, 1]");
            }
            default -> {
                // no parameters
            }
        }
    }

    private static boolean isCount(double v) {
        return v >= 1 && v == Math.rint(v);
    }

    private void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(name() + ": " + message);
        }
    }

    /** The method's score of the sequence; null when the method has none yet (N_TIMES below n). */
    public Double value(double[] scores, Map<String, Double> p, double cut) {
        if (scores.length == 0) {
            return null;
        }
        return switch (this) {
            case DECAYING_AVERAGE -> MasteryMethods.decayingAverage(scores, p.get("w"));
            case WEIGHTED_LATEST -> MasteryMethods.weightedLatest(scores, p.get("w"));
            case N_TIMES -> MasteryMethods.nTimesValue(scores, p.get("n").intValue(), cut);
            case M_OF_N -> MasteryMethods.mOfNShare(scores, p.get("n").intValue(), cut);
            case LATEST -> MasteryMethods.latest(scores);
            case HIGHEST -> MasteryMethods.highest(scores);
            case AVERAGE -> MasteryMethods.average(scores);
            case BKT -> MasteryMethods.bkt(scores, cut, p.get("pInit"), p.get("pLearn"), p.get("pGuess"),
                    p.get("pSlip"), p.get("pForget"));
        };
    }

    /** Whether the method declares mastery for the sequence, given its value. */
    public boolean met(double[] scores, Double value, Map<String, Double> p, double cut) {
        if (scores.length == 0) {
            return false;
        }
        return switch (this) {
            case N_TIMES -> MasteryMethods.nTimesMet(scores, p.get("n").intValue(), cut);
            case M_OF_N -> MasteryMethods.mOfNMet(scores, p.get("m").intValue(), p.get("n").intValue(), cut);
            case BKT -> value != null && value >= p.get("threshold");
            default -> value != null && value >= cut;
        };
    }
}

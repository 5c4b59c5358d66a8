package org.mastery.progression.journey.domain.mastery;

/**
 * The mastery methods of SPEC section 3 as small pure functions over the scores, ordered by when the
 * evidence was observed (oldest first). Each answers the method's score for the whole sequence.
 */
public final class MasteryMethods {

    private MasteryMethods() {
    }

    /** m1 = s1, mk = w·sk + (1−w)·m(k−1). */
    public static double decayingAverage(double[] s, double w) {
        requireScores(s);
        double m = s[0];
        for (int k = 1; k < s.length; k++) {
            m = w * s[k] + (1 - w) * m;
        }
        return m;
    }

    /** w·sk + (1−w)·mean(s1…s(k−1)); s1 when k = 1. */
    public static double weightedLatest(double[] s, double w) {
        requireScores(s);
        if (s.length == 1) {
            return s[0];
        }
        double sum = 0;
        for (int k = 0; k < s.length - 1; k++) {
            sum += s[k];
        }
        return w * s[s.length - 1] + (1 - w) * (sum / (s.length - 1));
    }

    /** Mean of the scores at or above the cut; null while fewer than n of them. */
    public static Double nTimesValue(double[] s, int n, double cut) {
        double sum = 0;
        int count = 0;
        for (double score : s) {
            if (score >= cut) {
                sum += score;
                count++;
            }
        }
        return count < n || count == 0 ? null : sum / count;
    }

    /** At least n scores at or above the cut. */
    public static boolean nTimesMet(double[] s, int n, double cut) {
        return countAtOrAbove(s, 0, cut) >= n;
    }

    /** Share of the last n scores (of those there are) at or above the cut. */
    public static double mOfNShare(double[] s, int n, double cut) {
        requireScores(s);
        int from = Math.max(0, s.length - n);
        return (double) countAtOrAbove(s, from, cut) / (s.length - from);
    }

    /** At least m of the last n scores at or above the cut. */
    public static boolean mOfNMet(double[] s, int m, int n, double cut) {
        return countAtOrAbove(s, Math.max(0, s.length - n), cut) >= m;
    }

    public static double latest(double[] s) {
        requireScores(s);
        return s[s.length - 1];
    }

    public static double highest(double[] s) {
        requireScores(s);
        double max = s[0];
        for (double score : s) {
            max = Math.max(max, score);
        }
        return max;
    }

    public static double average(double[] s) {
        requireScores(s);
        double sum = 0;
        for (double score : s) {
            sum += score;
        }
        return sum / s.length;
    }

    /**
     * Bayesian knowledge tracing: P(L) after each score, "correct" meaning score ≥ cut.
     * P(L|correct) = P(L)(1−S) / (P(L)(1−S) + (1−P(L))G), P(L|wrong) = P(L)S / (P(L)S + (1−P(L))(1−G)),
     * then P(L) ← P(L|obs)(1−F) + (1−P(L|obs))·T.
     */
    public static double bkt(double[] s, double cut, double pInit, double pLearn, double pGuess, double pSlip, double pForget) {
        double p = pInit;
        for (double score : s) {
            double posterior;
            if (score >= cut) {
                posterior = p * (1 - pSlip) / (p * (1 - pSlip) + (1 - p) * pGuess);
            } else {
                posterior = p * pSlip / (p * pSlip + (1 - p) * (1 - pGuess));
            }
            p = posterior * (1 - pForget) + (1 - posterior) * pLearn;
        }
        return p;
    }

    private static int countAtOrAbove(double[] s, int from, double cut) {
        int count = 0;
        for (int k = from; k < s.length; k++) {
            if (s[k] >= cut) {
                count++;
            }
        }
        return count;
    }

    private static void requireScores(double[] s) {
        if (s.length == 0) {
            throw new IllegalArgumentException("a mastery method needs at least one score");
        }
    }
}

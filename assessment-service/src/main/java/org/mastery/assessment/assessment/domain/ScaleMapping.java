package org.mastery.assessment.assessment.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Maps a fraction of credit (answer-key items correct on a competency, or an xAPI scaled score)
 * onto a level of the competency's proficiency scale.
 *
 * <p>The mastery threshold {@code p} (default 0.7) is the fraction that earns the cut level. The
 * fractions below {@code p} are shared equally by the levels below the cut, the fractions from
 * {@code p} to 1 equally by the levels at or above it:
 * <pre>
 *   f &lt; p : below[ floor(f / p * |below|) ]
 *   f &ge; p : above[ min(|above| - 1, floor((f - p) / (1 - p) * |above|)) ]
 * </pre>
 * With the default scale (1–4, cut 3) and p = 0.7: [0, 0.35) → 1, [0.35, 0.70) → 2,
 * [0.70, 0.85) → 3, [0.85, 1] → 4. The arithmetic is exact (decimal), so a fraction that lands on a
 * band's lower edge always earns that band.
 */
public final class ScaleMapping {

    public static final double DEFAULT_MASTERY_THRESHOLD = 0.7;

    private ScaleMapping() {
    }

    /** The level earned by {@code correct} of {@code total} (total &gt; 0). */
    public static int levelFor(Scale scale, long correct, long total, double masteryThreshold) {
        if (total <= 0) {
            throw new IllegalArgumentException("a fraction needs a positive total");
        }
        return levelFor(scale, BigDecimal.valueOf(correct), BigDecimal.valueOf(total), masteryThreshold);
    }

    /** The level earned by the fraction {@code fraction} (clamped to [0, 1]). */
    public static int levelFor(Scale scale, double fraction, double masteryThreshold) {
        return levelFor(scale, BigDecimal.valueOf(fraction), BigDecimal.ONE, masteryThreshold);
    }

    /** xAPI {@code result.success} without a score: the cut level when successful, the level just below it otherwise. */
    public static int levelForSuccess(Scale scale, boolean success) {
        List<Integer> below = scale.belowCut();
        List<Integer> above = scale.atOrAboveCut();
        if (success) {
            return above.isEmpty() ? scale.highest() : above.get(0);
        }
        return below.isEmpty() ? scale.lowest() : below.get(below.size() - 1);
    }

    static int levelFor(Scale scale, BigDecimal numerator, BigDecimal denominator, double masteryThreshold) {
        if (scale.levels().isEmpty()) {
            throw new IllegalArgumentException("a scale needs levels");
        }
        if (!(masteryThreshold > 0 && masteryThreshold <= 1)) {
            throw new IllegalArgumentException("the mastery threshold must be in (0, 1]");
        }
        BigDecimal p = BigDecimal.valueOf(masteryThreshold);
        BigDecimal n = numerator.max(BigDecimal.ZERO).min(denominator); // clamp f to [0, 1]
        BigDecimal d = denominator;
        List<Integer> below = scale.belowCut();
        List<Integer> above = scale.atOrAboveCut();
        boolean reachesThreshold = n.compareTo(p.multiply(d)) >= 0;
        if (!reachesThreshold) {
            if (below.isEmpty()) {
                return scale.lowest();
            }
            int index = n.multiply(BigDecimal.valueOf(below.size()))
                    .divide(p.multiply(d), 0, RoundingMode.FLOOR).intValueExact();
            return below.get(Math.min(index, below.size() - 1));
        }
        if (above.isEmpty()) {
            return scale.highest();
        }
        BigDecimal span = BigDecimal.ONE.subtract(p).multiply(d);
        if (span.signum() == 0) {
            return above.get(above.size() - 1);
        }
        int index = n.subtract(p.multiply(d)).multiply(BigDecimal.valueOf(above.size()))
                .divide(span, 0, RoundingMode.FLOOR).intValueExact();
        return above.get(Math.min(index, above.size() - 1));
    }
}

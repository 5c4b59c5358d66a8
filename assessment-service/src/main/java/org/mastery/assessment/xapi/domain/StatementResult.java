package org.mastery.assessment.xapi.domain;

import org.mastery.assessment.assessment.domain.Scale;
import org.mastery.assessment.assessment.domain.ScaleMapping;

/**
 * The scored result of an xAPI statement: a scaled score in [0, 1] (xAPI's {@code result.score.scaled},
 * negative values count as 0, or {@code raw} within {@code min..max}), or, failing a score, its
 * {@code result.success}.
 */
public record StatementResult(Double scaled, Boolean success) {

    public StatementResult {
        if (scaled == null && success == null) {
            throw new IllegalArgumentException("a statement result needs a scaled score or success");
        }
    }

    /** The level on the scale: the scaled score mapped like answer-key credit, else success → the cut level. */
    public int level(Scale scale, double masteryThreshold) {
        if (scaled != null) {
            return ScaleMapping.levelFor(scale, Math.max(0, Math.min(1, scaled)), masteryThreshold);
        }
        return ScaleMapping.levelForSuccess(scale, success);
    }
}

package org.mastery.progression.journey.domain.mastery;

import java.util.List;
import java.util.Optional;
import org.mastery.progression.journey.domain.Evidence;
import org.mastery.progression.journey.domain.MasteryState;

/**
 * SPEC section 3: a student with 2 consecutive evidence scores below the cut on a competency
 * (CONSECUTIVE_BELOW_CUT), or no upward progress after 3 (NO_PROGRESS: the latest of the last three
 * scores is below the cut and no higher than the first of them), gets an intervention recommendation,
 * unless the competency is mastered. "Consecutive" and "latest" follow observation order.
 */
public final class InterventionRule {

    public static final String CONSECUTIVE_BELOW_CUT = "CONSECUTIVE_BELOW_CUT";
    public static final String NO_PROGRESS = "NO_PROGRESS";

    public record Trigger(String reason, List<String> evidenceIds) {
    }

    private InterventionRule() {
    }

    public static Optional<Trigger> trigger(List<Evidence> ordered, double cut, MasteryState state) {
        int k = ordered.size();
        if (state == MasteryState.MASTERED || k < 2) {
            return Optional.empty();
        }
        Evidence last = ordered.get(k - 1);
        Evidence previous = ordered.get(k - 2);
        if (last.score() < cut && previous.score() < cut) {
            return Optional.of(new Trigger(CONSECUTIVE_BELOW_CUT, List.of(previous.evidenceId(), last.evidenceId())));
        }
        if (k >= 3) {
            Evidence first = ordered.get(k - 3);
            if (last.score() < cut && last.score() <= first.score()) {
                return Optional.of(new Trigger(NO_PROGRESS,
                        List.of(first.evidenceId(), previous.evidenceId(), last.evidenceId())));
            }
        }
        return Optional.empty();
    }
}

package org.mastery.contracts.progression;

import java.util.List;

/**
 * A student needs help on a competency (two consecutive scores below the cut, or no upward
 * progress after three). Published on {@link ProgressionTopics#DECISIONS} as {@code
 * progression.InterventionRecommended}.
 *
 * @param reason CONSECUTIVE_BELOW_CUT or NO_PROGRESS
 */
public record InterventionRecommended(
        String interventionId,
        String studentId,
        String competencyId,
        String reason,
        List<String> evidenceIds) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.InterventionRecommended";
}

package org.mastery.contracts.progression;

import java.util.List;

/**
 * Every prerequisite of a competency is mastered: the student is ready for it. Published on {@link
 * ProgressionTopics#DECISIONS} as {@code progression.CompetencyUnlocked}.
 */
public record CompetencyUnlocked(
        String studentId,
        String competencyId,
        List<String> prerequisiteIds) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.CompetencyUnlocked";
}

package org.mastery.contracts.progression;

/**
 * Mastery of a competency was demonstrated. Published on {@link ProgressionTopics#DECISIONS} as
 * {@code progression.CompetencyMastered}.
 */
public record CompetencyMastered(
        String studentId,
        String competencyId,
        double value,
        Explanation explanation) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "progression.CompetencyMastered";
}

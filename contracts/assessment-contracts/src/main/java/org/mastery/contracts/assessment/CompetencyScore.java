package org.mastery.contracts.assessment;

/**
 * The score an attempt earned on one aligned competency.
 *
 * @param evidenceId the evidence recorded for it
 */
public record CompetencyScore(
        String competencyId,
        double score,
        String evidenceId) {
}

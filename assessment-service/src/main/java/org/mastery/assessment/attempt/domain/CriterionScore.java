package org.mastery.assessment.attempt.domain;

/** The level a rubric criterion was scored at. */
public record CriterionScore(String criterionId, String competencyId, int level) {
}

package org.mastery.curriculum.framework.domain;

/** One competency of a CASE package, with the id it gets (derived from its CASE identifier). */
public record ImportedCompetency(String competencyId, CompetencyContent content) {
}

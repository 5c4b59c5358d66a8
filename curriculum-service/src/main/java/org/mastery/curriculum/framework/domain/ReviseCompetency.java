package org.mastery.curriculum.framework.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replace a competency's content (CASE provenance is kept); a published framework gets a new draft version first. */
public record ReviseCompetency(@TargetAggregateIdentifier String frameworkId, String competencyId,
                               CompetencyContent content, Actor actor) {
}

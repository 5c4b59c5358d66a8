package org.mastery.curriculum.framework.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Add a competency to the framework's draft (a published framework gets a new draft version first). */
public record DefineCompetency(@TargetAggregateIdentifier String frameworkId, String competencyId,
                               CompetencyContent content, Actor actor) {
}

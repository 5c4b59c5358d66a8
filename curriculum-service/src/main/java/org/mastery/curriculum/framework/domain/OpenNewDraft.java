package org.mastery.curriculum.framework.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open the next draft version of a published framework; the published version stays as it is. */
public record OpenNewDraft(@TargetAggregateIdentifier String frameworkId, Actor actor) {
}

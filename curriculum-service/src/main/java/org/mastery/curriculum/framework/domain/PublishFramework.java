package org.mastery.curriculum.framework.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish the current draft version; it is immutable from then on. */
public record PublishFramework(@TargetAggregateIdentifier String frameworkId, Actor actor) {
}

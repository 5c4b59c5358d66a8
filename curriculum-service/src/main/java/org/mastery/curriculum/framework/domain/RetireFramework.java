package org.mastery.curriculum.framework.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retire the framework and all its competencies: nothing new may align to them. */
public record RetireFramework(@TargetAggregateIdentifier String frameworkId, Actor actor) {
}

package org.mastery.curriculum.framework.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a new competency framework for authoring. */
public record DraftFramework(@TargetAggregateIdentifier String frameworkId, String title, String subject,
                             String gradeBand, String authorId) {
}

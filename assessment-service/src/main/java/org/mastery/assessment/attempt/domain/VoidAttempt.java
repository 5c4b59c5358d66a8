package org.mastery.assessment.attempt.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Void an attempt: it and its evidence stop counting (the events stay). */
public record VoidAttempt(@TargetAggregateIdentifier String seriesId, String attemptId, String reasonCode,
                          String voidedBy) {
}

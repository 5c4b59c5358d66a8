package org.mastery.assessment.attempt.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Credit completed practice towards the retake of a failed summative attempt (progression decided
 * it). {@code competencyId} null credits every competency the student fell short on.
 */
public record UnlockRetake(@TargetAggregateIdentifier String seriesId, String competencyId, String reason) {
}

package org.mastery.progression.journey.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let an override whose expiry has passed give way to the calculated state. */
public record ExpireOverride(@TargetAggregateIdentifier String studentId, String overrideId, CompetencyContext context, Instant at) {
}

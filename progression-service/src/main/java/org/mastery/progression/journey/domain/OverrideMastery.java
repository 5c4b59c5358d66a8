package org.mastery.progression.journey.domain;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Set a competency's state by hand, with a reason code and optionally until an expiry. */
public record OverrideMastery(@TargetAggregateIdentifier String studentId, String overrideId, CompetencyContext context, String teacherId,
                              MasteryState state, String reasonCode, Instant expiresAt) {
}

package org.mastery.progression.journey.domain;

import java.time.Instant;

/** A teacher's override in force on one competency. */
public record ActiveOverride(String overrideId, MasteryState state, String teacherId, String reasonCode, Instant expiresAt) {
}

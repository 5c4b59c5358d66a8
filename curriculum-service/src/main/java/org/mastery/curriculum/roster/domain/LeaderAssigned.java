package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A leader was given the aggregates of an organisation. */
@Revision("1")
public record LeaderAssigned(String orgId, String leaderId, Instant assignedAt) {
}

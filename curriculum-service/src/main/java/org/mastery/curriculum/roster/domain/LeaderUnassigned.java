package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A leader no longer leads an organisation. */
@Revision("1")
public record LeaderUnassigned(String orgId, String leaderId, Instant unassignedAt) {
}

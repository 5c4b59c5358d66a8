package org.mastery.progression.journey.domain;

import java.time.Instant;

/** One evidence score used by a decision. */
public record EvidenceUsed(String evidenceId, double score, Instant observedAt, String method) {
}

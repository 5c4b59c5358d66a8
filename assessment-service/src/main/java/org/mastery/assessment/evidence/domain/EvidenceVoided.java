package org.mastery.assessment.evidence.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A piece of evidence no longer counts: its attempt was voided, or a rescore superseded it. */
@Revision("1")
public record EvidenceVoided(String evidenceId, String studentId, String competencyId, EvidenceVoidReason reason,
                             String supersededBy, String attemptId, Instant voidedAt) {
}

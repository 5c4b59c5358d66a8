package org.mastery.assessment.attempt.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An attempt was voided: it no longer counts (its form still counts as seen). */
@Revision("1")
public record AttemptVoided(String seriesId, String attemptId, String studentId, String assessmentId,
                            String reasonCode, String voidedBy, Instant voidedAt) {
}

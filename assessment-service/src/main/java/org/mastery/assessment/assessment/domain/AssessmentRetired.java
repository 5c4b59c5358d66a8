package org.mastery.assessment.assessment.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An assessment was retired. */
@Revision("1")
public record AssessmentRetired(String assessmentId, String retiredBy, Instant retiredAt) {
}

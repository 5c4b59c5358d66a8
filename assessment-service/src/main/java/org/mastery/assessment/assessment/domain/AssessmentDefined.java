package org.mastery.assessment.assessment.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An assessment was defined (version 1; assessments are immutable afterwards). */
@Revision("1")
public record AssessmentDefined(String assessmentId, int version, String title, AssessmentSpec spec, String authorId,
                                Instant definedAt) {
}

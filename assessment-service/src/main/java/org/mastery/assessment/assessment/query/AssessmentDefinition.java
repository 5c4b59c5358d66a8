package org.mastery.assessment.assessment.query;

import java.time.Instant;
import org.mastery.assessment.assessment.domain.AssessmentSpec;

/** An assessment's definition as stored in its event stream, and whether it is retired. */
public record AssessmentDefinition(String assessmentId, int version, String title, AssessmentSpec spec, String authorId,
                                   Instant definedAt, Instant retiredAt) {

    public boolean retired() {
        return retiredAt != null;
    }
}

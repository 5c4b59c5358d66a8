package org.mastery.assessment.attempt.domain;

import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mastery.assessment.assessment.domain.AssessmentSpec;

/**
 * Hand in an attempt. Answer-key attempts are scored at once from {@code responses} (item id →
 * response); the responses themselves are not part of any event.
 */
public record SubmitAttempt(@TargetAggregateIdentifier String seriesId, String attemptId, AssessmentSpec spec,
                            Map<String, String> responses, int evidenceUriCount, String submittedBy) {

    public SubmitAttempt {
        responses = responses == null ? Map.of() : Map.copyOf(responses);
    }
}

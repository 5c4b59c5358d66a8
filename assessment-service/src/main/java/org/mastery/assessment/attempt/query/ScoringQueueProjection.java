package org.mastery.assessment.attempt.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mastery.assessment.attempt.domain.AttemptScored;
import org.mastery.assessment.attempt.domain.AttemptSubmitted;
import org.mastery.assessment.attempt.domain.AttemptVoided;
import org.springframework.stereotype.Component;

/**
 * Submitted rubric attempts join their student's queue; scoring or voiding takes them out. Adding is
 * keyed by attempt id and removing is a no-op when absent, so a redelivered suffix of events ends in
 * the same queue.
 */
@Component
@ProcessingGroup("scoring-queue-projection")
public class ScoringQueueProjection {

    private final ScoringQueue queue;

    public ScoringQueueProjection(ScoringQueue queue) {
        this.queue = queue;
    }

    @EventHandler
    void on(AttemptSubmitted event) {
        if (event.awaitingScoring()) {
            queue.add(new ScoringQueue.PendingAttempt(event.attemptId(), event.studentId(), event.assessmentId(),
                    event.attemptNumber(), event.formId(), event.submittedAt()));
        }
    }

    @EventHandler
    void on(AttemptScored event) {
        queue.remove(event.studentId(), event.attemptId());
    }

    @EventHandler
    void on(AttemptVoided event) {
        queue.remove(event.studentId(), event.attemptId());
    }
}

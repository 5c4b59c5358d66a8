package org.mastery.assessment.attempt.query;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mastery.assessment.attempt.domain.AttemptIds;
import org.mastery.assessment.attempt.domain.AttemptStarted;
import org.springframework.stereotype.Component;

/**
 * Whose attempt an id is, read from the series' event stream (its first event names the student and
 * the assessment). Commands authorize against this rather than the MongoDB view, so a student can
 * submit the moment the attempt has started.
 */
@Component
public class AttemptDirectory {

    private final EventStore eventStore;

    public AttemptDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The student and assessment of an attempt's series. */
    public record Owner(String seriesId, String studentId, String assessmentId) {
    }

    public Optional<Owner> ownerOf(String attemptId) {
        Optional<String> seriesId = AttemptIds.seriesOf(attemptId);
        if (seriesId.isEmpty()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(seriesId.get());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getPayload() instanceof AttemptStarted started) {
                return Optional.of(new Owner(seriesId.get(), started.studentId(), started.assessmentId()));
            }
        }
        return Optional.empty();
    }
}

package org.mastery.assessment.xapi.query;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mastery.assessment.xapi.domain.RecordStatement;
import org.mastery.assessment.xapi.domain.StatementRecorded;
import org.springframework.stereotype.Component;

/** Whether a statement id was recorded, and with what content (its fingerprint), from the event store. */
@Component
public class RecordedStatements {

    private final EventStore eventStore;

    public RecordedStatements(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<String> fingerprintOf(String statementId) {
        DomainEventStream stream = eventStore.readEvents(RecordStatement.keyOf(statementId));
        while (stream.hasNext()) {
            if (stream.next().getPayload() instanceof StatementRecorded recorded) {
                return Optional.of(recorded.fingerprint());
            }
        }
        return Optional.empty();
    }
}

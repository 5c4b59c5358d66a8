package org.mastery.assessment.assessment.query;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mastery.assessment.assessment.domain.AssessmentDefined;
import org.mastery.assessment.assessment.domain.AssessmentRetired;
import org.springframework.stereotype.Component;

/**
 * Reads an assessment's definition from its own event stream (two events at most). Commands that
 * depend on an assessment use this rather than the MongoDB view, so that an attempt can start the
 * moment its assessment is defined.
 */
@Component
public class AssessmentDefinitions {

    private final EventStore eventStore;

    public AssessmentDefinitions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<AssessmentDefinition> find(String assessmentId) {
        if (assessmentId == null || !assessmentId.startsWith("asm-")) {
            return Optional.empty();
        }
        AssessmentDefinition definition = null;
        DomainEventStream stream = eventStore.readEvents(assessmentId);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Object payload = message.getPayload();
            if (payload instanceof AssessmentDefined defined) {
                definition = new AssessmentDefinition(defined.assessmentId(), defined.version(), defined.title(), defined.spec(),
                        defined.authorId(), defined.definedAt(), null);
            } else if (payload instanceof AssessmentRetired retired && definition != null) {
                definition = new AssessmentDefinition(definition.assessmentId(), definition.version(), definition.title(),
                        definition.spec(), definition.authorId(), definition.definedAt(), retired.retiredAt());
            }
        }
        return Optional.ofNullable(definition);
    }
}

package org.mastery.access.disclosure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.mastery.access.Viewer;

/**
 * Appends one {@link StudentRecordDisclosed} per student disclosed to the service's own event store,
 * in one append (one transaction), with the request's correlation id in the metadata as commands have it.
 */
public class DisclosureRecorder {

    private final Supplier<EventGateway> events;
    private final String service;
    private final Clock clock;

    public DisclosureRecorder(Supplier<EventGateway> events, String service, Clock clock) {
        this.events = events;
        this.service = service;
        this.clock = clock;
    }

    public String service() {
        return service;
    }

    /** Records the disclosures; throws {@link DisclosureNotRecordedException} if they could not be stored. */
    public List<StudentRecordDisclosed> record(Viewer viewer, Collection<String> studentIds, String endpoint, String record,
                                               String correlationId) {
        List<String> roles = viewer.roles().stream().map(Enum::name).sorted().toList();
        List<StudentRecordDisclosed> disclosures = new ArrayList<>();
        List<EventMessage<?>> messages = new ArrayList<>();
        var now = clock.instant();
        for (String studentId : studentIds) {
            StudentRecordDisclosed disclosed = new StudentRecordDisclosed(studentId, viewer.id(), roles, service, endpoint, record,
                    now, correlationId);
            disclosures.add(disclosed);
            EventMessage<?> message = GenericEventMessage.asEventMessage(disclosed);
            messages.add(correlationId == null ? message : message.andMetaData(Map.of("correlationId", correlationId)));
        }
        if (messages.isEmpty()) {
            return disclosures;
        }
        try {
            events.get().publish(messages);
        } catch (RuntimeException e) {
            throw new DisclosureNotRecordedException(e);
        }
        return disclosures;
    }
}

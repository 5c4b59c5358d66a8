package org.mastery.access.disclosure;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.mastery.contracts.access.AccessTopics;
import org.mastery.kit.publication.EventPublicationMapper;
import org.mastery.kit.publication.PublishedEvent;

/** Publishes the service's disclosures as {@code access.StudentRecordDisclosed} on its {@code <service>.disclosures.v1}, keyed by student. */
public class DisclosurePublicationMapper implements EventPublicationMapper {

    private final String topic;

    public DisclosurePublicationMapper(String service) {
        this.topic = AccessTopics.disclosures(service);
    }

    public String topic() {
        return topic;
    }

    @Override
    public Optional<PublishedEvent> map(EventMessage<?> event) {
        if (!(event.getPayload() instanceof StudentRecordDisclosed d)) {
            return Optional.empty();
        }
        var contract = new org.mastery.contracts.access.StudentRecordDisclosed(d.studentId(), d.accessorId(), d.accessorRoles(),
                d.service(), d.endpoint(), d.record(), d.disclosedAt(), d.correlationId());
        return Optional.of(new PublishedEvent(topic, d.studentId(), org.mastery.contracts.access.StudentRecordDisclosed.TYPE,
                d.studentId(), 1, contract));
    }
}

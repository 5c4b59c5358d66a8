package org.mastery.reporting.accesslog.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mastery.contracts.access.AccessTopics;
import org.mastery.contracts.access.StudentRecordDisclosed;
import org.mastery.kit.inbound.IdempotentConsumer;
import org.mastery.kit.inbound.InboundEvent;
import org.mastery.reporting.accesslog.query.AccessLog;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the disclosure topics of all four services ({@code <service>.disclosures.v1}, reporting's own
 * included) into each student's access log, each event once.
 */
@Component
public class DisclosureListener {

    public static final String CONSUMER = "access-log";
    public static final String LISTENER_ID = "${mastery.kafka.group-prefix}." + CONSUMER;

    private final IdempotentConsumer consumer;
    private final AccessLog log;
    private final ObjectMapper objectMapper;

    public DisclosureListener(IdempotentConsumer consumer, AccessLog log, ObjectMapper objectMapper) {
        this.consumer = consumer;
        this.log = log;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(id = LISTENER_ID, topics = {AccessTopics.CURRICULUM_DISCLOSURES, AccessTopics.ASSESSMENT_DISCLOSURES,
            AccessTopics.PROGRESSION_DISCLOSURES, AccessTopics.REPORTING_DISCLOSURES})
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.apply(CONSUMER, record, this::apply);
    }

    void apply(InboundEvent event) {
        if (!StudentRecordDisclosed.TYPE.equals(event.type())) {
            return;
        }
        StudentRecordDisclosed d = event.dataAs(StudentRecordDisclosed.class, objectMapper);
        if (d.studentId() == null || d.disclosedAt() == null) {
            throw new org.mastery.kit.inbound.MalformedEventException("disclosure " + event.id() + " names no student or time");
        }
        log.add(d.studentId(), new AccessLog.Entry(event.id(), d.accessorId(), d.accessorRoles(), d.service(), d.endpoint(),
                d.record(), d.disclosedAt(), d.correlationId()));
    }
}

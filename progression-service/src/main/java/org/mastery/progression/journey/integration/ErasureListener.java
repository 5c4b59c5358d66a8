package org.mastery.progression.journey.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mastery.contracts.roster.PersonalDataErased;
import org.mastery.contracts.roster.RosterTopics;
import org.mastery.kit.inbound.IdempotentConsumer;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A student's personal data was erased: their goal notes, reflections and override reasons go too. */
@Component
public class ErasureListener {

    static final String CONSUMER = "journey-erasure";

    private final IdempotentConsumer consumer;
    private final JourneyTexts texts;
    private final ObjectMapper objectMapper;

    public ErasureListener(IdempotentConsumer consumer, JourneyTexts texts, ObjectMapper objectMapper) {
        this.consumer = consumer;
        this.texts = texts;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(id = "${mastery.kafka.group-prefix}.journey-erasure", topics = RosterTopics.ENROLLMENTS)
    public void on(ConsumerRecord<String, byte[]> record) {
        // enrollments and the like pass by without bookkeeping; only an erasure is applied (once)
        consumer.apply(CONSUMER, record, Set.of(PersonalDataErased.TYPE), event -> {
            PersonalDataErased erased = event.dataAs(PersonalDataErased.class, objectMapper);
            if ("STUDENT".equals(erased.role())) {
                texts.eraseStudent(erased.personId());
            }
        });
    }
}

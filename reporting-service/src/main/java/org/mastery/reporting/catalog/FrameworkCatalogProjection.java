package org.mastery.reporting.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.curriculum.FrameworkDrafted;
import org.mastery.contracts.curriculum.FrameworkPublished;
import org.mastery.kit.inbound.IdempotentConsumer;
import org.mastery.kit.inbound.InboundEvent;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The framework catalog, built from {@code curriculum.frameworks.v1}; each event is applied once. */
@Component
public class FrameworkCatalogProjection {

    public static final String CONSUMER = "framework-catalog";
    public static final String LISTENER_ID = "${mastery.kafka.group-prefix}." + CONSUMER;

    private final IdempotentConsumer consumer;
    private final MongoTemplate mongo;
    private final ObjectMapper objectMapper;

    public FrameworkCatalogProjection(IdempotentConsumer consumer, MongoTemplate mongo, ObjectMapper objectMapper) {
        this.consumer = consumer;
        this.mongo = mongo;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(id = LISTENER_ID, topics = CurriculumTopics.FRAMEWORKS)
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.apply(CONSUMER, record, this::apply);
    }

    void apply(InboundEvent event) {
        switch (event.type()) {
            case FrameworkDrafted.TYPE -> {
                FrameworkDrafted drafted = event.dataAs(FrameworkDrafted.class, objectMapper);
                mongo.save(new FrameworkCatalogEntry(drafted.frameworkId(), drafted.version(), drafted.title(),
                        drafted.subject(), drafted.gradeBand(), "DRAFT"));
            }
            case FrameworkPublished.TYPE -> {
                FrameworkPublished published = event.dataAs(FrameworkPublished.class, objectMapper);
                mongo.updateFirst(Query.query(Criteria.where("_id").is(published.frameworkId())),
                        Update.update("status", "PUBLISHED").set("version", published.version()), FrameworkCatalogEntry.class);
            }
            default -> {
                // other framework events are not part of the catalog
            }
        }
    }
}

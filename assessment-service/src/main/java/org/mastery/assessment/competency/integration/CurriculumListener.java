package org.mastery.assessment.competency.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mastery.assessment.competency.query.CompetencyCatalog;
import org.mastery.contracts.curriculum.CompetencyDefined;
import org.mastery.contracts.curriculum.CompetencyRetired;
import org.mastery.contracts.curriculum.CompetencyRevised;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.curriculum.FrameworkPublished;
import org.mastery.contracts.curriculum.FrameworkRetired;
import org.mastery.kit.inbound.IdempotentConsumer;
import org.mastery.kit.inbound.InboundEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the {@link CompetencyCatalog} from {@code curriculum.frameworks.v1}; each event is applied once. */
@Component
public class CurriculumListener {

    static final String CONSUMER = "competency-catalog";

    private final IdempotentConsumer consumer;
    private final CompetencyCatalog catalog;
    private final ObjectMapper objectMapper;

    public CurriculumListener(IdempotentConsumer consumer, CompetencyCatalog catalog, ObjectMapper objectMapper) {
        this.consumer = consumer;
        this.catalog = catalog;
        this.objectMapper = objectMapper;
    }

    @KafkaListener(id = "${mastery.kafka.group-prefix}.competency-catalog", topics = CurriculumTopics.FRAMEWORKS)
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.apply(CONSUMER, record, this::apply);
    }

    void apply(InboundEvent event) {
        switch (event.type()) {
            case CompetencyDefined.TYPE -> catalog.define(event.dataAs(CompetencyDefined.class, objectMapper).competency());
            case CompetencyRevised.TYPE -> catalog.define(event.dataAs(CompetencyRevised.class, objectMapper).competency());
            case CompetencyRetired.TYPE -> {
                CompetencyRetired retired = event.dataAs(CompetencyRetired.class, objectMapper);
                catalog.retire(retired.competencyId(), retired.competencyVersion());
            }
            case FrameworkPublished.TYPE -> {
                FrameworkPublished published = event.dataAs(FrameworkPublished.class, objectMapper);
                catalog.publishFramework(published.frameworkId(), published.version(), published.competencyIds());
            }
            case FrameworkRetired.TYPE -> catalog.retireFramework(event.dataAs(FrameworkRetired.class, objectMapper).frameworkId());
            default -> {
                // drafts and courses say nothing about what may be assessed
            }
        }
    }
}

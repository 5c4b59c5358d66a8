package org.mastery.reporting.projection.integration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.progression.ProgressionTopics;
import org.mastery.contracts.roster.RosterTopics;
import org.mastery.kit.inbound.CloudEventReader;
import org.mastery.kit.inbound.IdempotentConsumer;
import org.mastery.kit.inbound.InboundEvent;
import org.mastery.kit.inbound.ProcessedEvents;
import org.mastery.reporting.projection.query.BufferedReadModelStore;
import org.mastery.reporting.projection.query.ReadModelStore;
import org.mastery.reporting.projection.query.ReportingProjector;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Feeds every stream reporting reads to the {@link ReportingProjector}, each event once (dedupe on the
 * CloudEvent id, with the kit's processed-event marks). Records come in the batches Kafka delivers;
 * a batch's writes are collected and each document's final state written once
 * ({@link BufferedReadModelStore}), then the batch's events are marked processed, then Kafka commits
 * the offsets. A crash anywhere in between makes Kafka deliver the batch again, and re-applying it is
 * harmless. One listener thread applies all streams, so a student's document has one writer.
 */
@Component
public class ReportingEventsListener {

    public static final String CONSUMER = "reporting-views";
    public static final String LISTENER_ID = "${mastery.kafka.group-prefix}." + CONSUMER;

    private static final String[] TOPICS = {
            CurriculumTopics.FRAMEWORKS, CurriculumTopics.COURSES,
            RosterTopics.ORGANIZATIONS, RosterTopics.CLASSES, RosterTopics.ENROLLMENTS,
            AssessmentTopics.ASSESSMENTS, AssessmentTopics.ATTEMPTS, AssessmentTopics.EVIDENCE,
            ProgressionTopics.DECISIONS, ProgressionTopics.JOURNEYS};

    public static List<String> topics() {
        return List.of(TOPICS);
    }

    private final CloudEventReader reader;
    private final ProcessedEvents processed;
    private final ReadModelStore store;
    private final Consumer<String> onPersonalDataErased;
    private final ProjectionProgress progress;

    public ReportingEventsListener(CloudEventReader reader, ProcessedEvents processed, ReadModelStore store,
                                   ErasureListeners erasures, ProjectionProgress progress) {
        this.reader = reader;
        this.processed = processed;
        this.store = store;
        this.onPersonalDataErased = erasures;
        this.progress = progress;
    }

    @KafkaListener(id = LISTENER_ID, batch = "true", topics = {
            CurriculumTopics.FRAMEWORKS, CurriculumTopics.COURSES,
            RosterTopics.ORGANIZATIONS, RosterTopics.CLASSES, RosterTopics.ENROLLMENTS,
            AssessmentTopics.ASSESSMENTS, AssessmentTopics.ATTEMPTS, AssessmentTopics.EVIDENCE,
            ProgressionTopics.DECISIONS, ProgressionTopics.JOURNEYS})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        BufferedReadModelStore batch = new BufferedReadModelStore(store);
        List<String> erased = new ArrayList<>();
        ReportingProjector projector = new ReportingProjector(batch, erased::add);
        List<InboundEvent> applied = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // the batch's readable events, and which of them were applied before, in one query
        InboundEvent[] events = new InboundEvent[records.size()];
        for (int i = 0; i < records.size(); i++) {
            try {
                events[i] = reader.read(records.get(i));
            } catch (RuntimeException e) {
                // read again below, where its failure stops the batch at this record
            }
        }
        Set<String> appliedBefore = processed.applied(CONSUMER,
                Arrays.stream(events).filter(Objects::nonNull).map(InboundEvent::id).toList());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                InboundEvent event = events[i] != null ? events[i] : reader.read(record);
                if (seen.add(event.id()) && !appliedBefore.contains(event.id())) {
                    IdempotentConsumer.inContextOf(event, () -> projector.apply(event));
                    applied.add(event);
                }
            } catch (RuntimeException e) {
                // keep what the records before it did; the error handler retries (then parks) this one
                complete(batch, applied, erased, records.subList(0, i));
                throw new BatchListenerFailedException("could not apply " + record.topic() + "-" + record.partition()
                        + "@" + record.offset(), e, i);
            }
        }
        complete(batch, applied, erased, records);
    }

    private void complete(BufferedReadModelStore batch, List<InboundEvent> applied, List<String> erased,
                          List<ConsumerRecord<String, byte[]>> handled) {
        batch.flush();
        processed.markProcessed(CONSUMER, applied);
        erased.forEach(onPersonalDataErased);
        handled.forEach(record -> progress.handled(CONSUMER, record));
    }

    /** What else must happen when a person's personal data is erased (the names cache forgets them). */
    public interface ErasureListeners extends Consumer<String> {
    }
}

package org.mastery.kit.publication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes every stored event that has a contract form to Kafka, in the order of the event log.
 *
 * <p>It runs in its own tracking event processor whose position (a gap-aware token) is stored in
 * the same PostgreSQL database as the log. Sends within a batch are pipelined; the batch's
 * unit of work waits for every acknowledgement before it commits, and the token is written in
 * that same transaction, so the position never moves past an event Kafka has not acknowledged.
 * A failure (broker down, timeout) propagates: the processor backs off and retries from the
 * stored position. Delivery is therefore at least once; consumers dedupe on the CloudEvent id.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";

    private final List<EventPublicationMapper> mappers;
    private final CloudEventWriter writer;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration ackTimeout;
    private final Counter published;

    public KafkaEventPublisher(List<EventPublicationMapper> mappers, CloudEventWriter writer,
                               KafkaTemplate<String, byte[]> kafka, Duration ackTimeout, MeterRegistry meters) {
        this.mappers = List.copyOf(mappers);
        this.writer = writer;
        this.kafka = kafka;
        this.ackTimeout = ackTimeout;
        this.published = Counter.builder("mastery.publication.sent")
                .description("Contract events sent to Kafka and acknowledged (redeliveries included)")
                .register(meters);
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> event) {
        Optional<PublishedEvent> contract = mapped(event);
        if (contract.isEmpty()) {
            return;
        }
        PublishedEvent out = contract.get();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(out.topic(), out.key(), writer.write(event, out));
        record.headers().add("content-type", CloudEventWriter.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        CompletableFuture<SendResult<String, byte[]>> send = kafka.send(record);
        if (CurrentUnitOfWork.isStarted()) {
            pendingSends(CurrentUnitOfWork.get().root()).add(send);
        } else {
            await(List.of(send));
        }
    }

    private Optional<PublishedEvent> mapped(EventMessage<?> event) {
        for (EventPublicationMapper mapper : mappers) {
            Optional<PublishedEvent> out = mapper.map(event);
            if (out.isPresent()) {
                return out;
            }
        }
        return Optional.empty();
    }

    private List<CompletableFuture<?>> pendingSends(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            // runs before the batch's transaction (which also stores the token) commits
            batch.onPrepareCommit(u -> await(pending));
            return pending;
        });
    }

    private void await(List<CompletableFuture<?>> sends) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        for (CompletableFuture<?> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublicationFailedException("interrupted while waiting for Kafka", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new PublicationFailedException("Kafka did not acknowledge a published event", e);
            }
        }
        published.increment(sends.size());
    }

    /** Raised so that the publishing processor stops, keeps its position and retries. */
    public static class PublicationFailedException extends RuntimeException {
        public PublicationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package org.mastery.kit.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Applies each CloudEvent once per consumer: a redelivered or duplicated event (same id) is
 * skipped. The event's correlation id is put in the log context while it is applied.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final CloudEventReader reader;
    private final ProcessedEvents processed;
    private final MeterRegistry meters;

    public IdempotentConsumer(CloudEventReader reader, ProcessedEvents processed, MeterRegistry meters) {
        this.reader = reader;
        this.processed = processed;
        this.meters = meters;
    }

    public CloudEventReader reader() {
        return reader;
    }

    /** Reads the record and applies it unless this consumer has applied an event with its id. */
    public boolean apply(String consumer, ConsumerRecord<String, byte[]> record, Consumer<InboundEvent> handler) {
        return apply(consumer, reader.read(record), handler);
    }

    /**
     * For a consumer that acts on some event types only: an event of another type is passed over
     * without looking it up or recording it (it changes nothing, so there is nothing to apply once).
     */
    public boolean apply(String consumer, ConsumerRecord<String, byte[]> record, Set<String> types, Consumer<InboundEvent> handler) {
        InboundEvent event = reader.read(record);
        if (!types.contains(event.type())) {
            return false;
        }
        return apply(consumer, event, handler);
    }

    public boolean apply(String consumer, InboundEvent event, Consumer<InboundEvent> handler) {
        return inContextOf(event, () -> {
            if (processed.contains(consumer, event.id())) {
                meters.counter("mastery.inbound.duplicates", "consumer", consumer).increment();
                log.debug("{} skips duplicate {} {}", consumer, event.type(), event.id());
                return false;
            }
            handler.accept(event);
            processed.markProcessed(consumer, event);
            meters.counter("mastery.inbound.applied", "consumer", consumer).increment();
            return true;
        });
    }

    /**
     * A batch listener's records, each event of the given types applied once, in few round trips: the
     * events not applied before (one lookup) go to {@code together} in record order, then are recorded
     * as applied (one write). If reading or {@code together} fails, the records are applied one at a
     * time with {@code each}, so that the first record that fails is the one the error handler retries
     * and in the end parks, and the records before it stay applied. {@code each} re-applies what
     * {@code together} may have done before it failed, which must therefore be harmless to repeat.
     */
    public void applyAll(String consumer, List<ConsumerRecord<String, byte[]>> records, Set<String> types,
                         Consumer<List<InboundEvent>> together, Consumer<InboundEvent> each) {
        try {
            List<InboundEvent> wanted = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                InboundEvent event = reader.read(record);
                if (types.contains(event.type())) {
                    wanted.add(event);
                }
            }
            Set<String> before = processed.applied(consumer, wanted.stream().map(InboundEvent::id).toList());
            Set<String> seen = new HashSet<>(before);
            List<InboundEvent> fresh = wanted.stream().filter(e -> seen.add(e.id())).toList();
            if (!fresh.isEmpty()) {
                together.accept(fresh);
                processed.markProcessed(consumer, fresh);
            }
            meters.counter("mastery.inbound.applied", "consumer", consumer).increment(fresh.size());
            meters.counter("mastery.inbound.duplicates", "consumer", consumer).increment(wanted.size() - fresh.size());
            return;
        } catch (RuntimeException e) {
            log.info("{}: a batch of {} records could not be applied together ({}); applying them one at a time",
                    consumer, records.size(), e.toString());
        }
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> record = records.get(i);
            try {
                apply(consumer, record, types, each);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("could not apply " + record.topic() + "-" + record.partition()
                        + "@" + record.offset(), e, i);
            }
        }
    }

    /** Runs {@code action} with the event's correlation id in the log context. */
    public static void inContextOf(InboundEvent event, Runnable action) {
        inContextOf(event, () -> {
            action.run();
            return null;
        });
    }

    private static <T> T inContextOf(InboundEvent event, Supplier<T> action) {
        String previous = MDC.get("correlationId");
        String correlationId = event.extension("correlationid");
        if (correlationId != null) {
            MDC.put("correlationId", correlationId);
        }
        try {
            return action.get();
        } finally {
            if (previous != null) {
                MDC.put("correlationId", previous);
            } else {
                MDC.remove("correlationId");
            }
        }
    }
}

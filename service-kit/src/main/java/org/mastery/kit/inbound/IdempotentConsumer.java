package org.mastery.kit.inbound;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

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
        String previous = MDC.get("correlationId");
        String correlationId = event.extension("correlationid");
        if (correlationId != null) {
            MDC.put("correlationId", correlationId);
        }
        try {
            if (processed.contains(consumer, event.id())) {
                meters.counter("mastery.inbound.duplicates", "consumer", consumer).increment();
                log.debug("{} skips duplicate {} {}", consumer, event.type(), event.id());
                return false;
            }
            handler.accept(event);
            processed.markProcessed(consumer, event);
            meters.counter("mastery.inbound.applied", "consumer", consumer).increment();
            return true;
        } finally {
            if (previous != null) {
                MDC.put("correlationId", previous);
            } else {
                MDC.remove("correlationId");
            }
        }
    }
}

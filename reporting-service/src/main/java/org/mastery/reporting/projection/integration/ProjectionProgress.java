package org.mastery.reporting.projection.integration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** The highest offset each reporting listener has handled per partition, to tell when a rebuild has caught up. */
public class ProjectionProgress {

    private final Map<String, Map<TopicPartition, Long>> handled = new ConcurrentHashMap<>();
    private final Map<String, Long> applied = new ConcurrentHashMap<>();

    public void handled(String consumer, ConsumerRecord<?, ?> record) {
        handled.computeIfAbsent(consumer, c -> new ConcurrentHashMap<>())
                .merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
        applied.merge(consumer, 1L, Long::sum);
    }

    /** Has the consumer handled every record before {@code endOffsets} (exclusive)? */
    public boolean caughtUp(String consumer, Map<TopicPartition, Long> endOffsets) {
        Map<TopicPartition, Long> seen = handled.getOrDefault(consumer, Map.of());
        for (Map.Entry<TopicPartition, Long> end : endOffsets.entrySet()) {
            if (end.getValue() > 0 && seen.getOrDefault(end.getKey(), -1L) < end.getValue() - 1) {
                return false;
            }
        }
        return true;
    }

    public void reset(String consumer) {
        handled.remove(consumer);
        applied.remove(consumer);
    }

    public long recordsHandled(String consumer) {
        return applied.getOrDefault(consumer, 0L);
    }
}

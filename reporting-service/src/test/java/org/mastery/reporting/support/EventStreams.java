package org.mastery.reporting.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mastery.kit.inbound.InboundEvent;
import org.mastery.reporting.projection.query.ReadModels;

/**
 * Builds recorded event sequences the way Kafka would deliver them: each event goes to a topic and a
 * key; events of one (topic, key) keep their order and get increasing offsets in that partition.
 */
public final class EventStreams {

    private final List<InboundEvent> events = new ArrayList<>();
    private final Map<String, Long> offsets = new HashMap<>();
    private Instant clock;

    public EventStreams(Instant start) {
        this.clock = start;
    }

    public InboundEvent add(String topic, String key, String type, Object data) {
        return add(topic, key, type, data, UUID.randomUUID().toString());
    }

    public InboundEvent add(String topic, String key, String type, Object data, String id) {
        clock = clock.plusSeconds(60);
        int partition = Math.floorMod(key.hashCode(), 3);
        long offset = offsets.merge(topic + "-" + partition, 1L, Long::sum) - 1;
        JsonNode json = ReadModels.JSON.valueToTree(data);
        InboundEvent event = new InboundEvent(id, type, "/mastery/test", key, clock, "urn:mastery:schema:" + type + ":v1",
                Map.of(), json, topic, partition, offset);
        events.add(event);
        return event;
    }

    public Instant now() {
        return clock;
    }

    public List<InboundEvent> events() {
        return List.copyOf(events);
    }

    /** The stream (topic and partition) an event belongs to: order within it is kept by Kafka. */
    public static String stream(InboundEvent e) {
        return e.topic() + "-" + e.partition();
    }
}

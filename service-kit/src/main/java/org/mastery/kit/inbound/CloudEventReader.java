package org.mastery.kit.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads CloudEvents 1.0 in structured JSON mode from Kafka records. */
public class CloudEventReader {

    private static final Set<String> CONTEXT_ATTRIBUTES = Set.of(
            "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema", "data", "data_base64");

    private final ObjectMapper objectMapper;

    public CloudEventReader(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public InboundEvent read(ConsumerRecord<String, byte[]> record) {
        return read(record.value(), record.topic(), record.partition(), record.offset());
    }

    public InboundEvent read(byte[] value, String topic, int partition, long offset) {
        if (value == null) {
            throw new MalformedEventException("empty record at " + topic + "-" + partition + "@" + offset);
        }
        JsonNode json;
        try {
            json = objectMapper.readTree(value);
        } catch (IOException e) {
            throw new MalformedEventException("record at " + topic + "-" + partition + "@" + offset + " is not JSON", e);
        }
        if (!json.isObject() || !"1.0".equals(text(json, "specversion"))) {
            throw new MalformedEventException("record at " + topic + "-" + partition + "@" + offset + " is not a CloudEvent 1.0");
        }
        String id = required(json, "id", topic, offset);
        String type = required(json, "type", topic, offset);
        String source = required(json, "source", topic, offset);
        Instant time = null;
        String timeText = text(json, "time");
        if (timeText != null) {
            try {
                time = Instant.parse(timeText);
            } catch (DateTimeParseException e) {
                throw new MalformedEventException("event " + id + " has an invalid time " + timeText, e);
            }
        }
        Map<String, String> extensions = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!CONTEXT_ATTRIBUTES.contains(field.getKey()) && field.getValue().isValueNode()) {
                extensions.put(field.getKey(), field.getValue().asText());
            }
        }
        return new InboundEvent(id, type, source, text(json, "subject"), time, text(json, "dataschema"),
                Map.copyOf(extensions), json.path("data"), topic, partition, offset);
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String required(JsonNode json, String field, String topic, long offset) {
        String value = text(json, field);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("CloudEvent at " + topic + "@" + offset + " lacks " + field);
        }
        return value;
    }
}

package org.mastery.kit.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;

/**
 * A CloudEvent read from Kafka, with where it was read (topic, partition, offset).
 * {@code data} is kept as JSON so that each consumer binds it to the producer's contract record
 * and ignores fields it does not know.
 */
public record InboundEvent(String id, String type, String source, String subject, Instant time, String dataSchema,
                           Map<String, String> extensions, JsonNode data,
                           String topic, int partition, long offset) {

    public <T> T dataAs(Class<T> contract, ObjectMapper objectMapper) {
        try {
            return objectMapper.treeToValue(data, contract);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("event " + id + " of type " + type + " does not match " + contract.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public String extension(String name) {
        return extensions.get(name);
    }

    /** The contract version, from the {@code dataschema} URI's {@code :vN} suffix (1 when absent). */
    public int dataVersion() {
        if (dataSchema != null) {
            int at = dataSchema.lastIndexOf(":v");
            if (at >= 0) {
                try {
                    return Integer.parseInt(dataSchema.substring(at + 2));
                } catch (NumberFormatException ignored) {
                    // fall through
                }
            }
        }
        return 1;
    }
}

package org.mastery.progression.journey.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.mastery.progression.journey.domain.JourneyChain;

/**
 * The journey hash chain: SHA-256 over {@code previousHash | payloadType | canonical JSON | sequence},
 * where the canonical JSON is the payload as the event store's serializer writes it, with object keys
 * sorted. The same function recomputes the hash from a stored row (its payload bytes parsed back), so
 * an auditor can check the log without the application's classes.
 */
public class Sha256JourneyChain implements JourneyChain {

    private final ObjectMapper eventMapper;

    /** {@code eventMapper} must be the mapper the event store serializes payloads with. */
    public Sha256JourneyChain(ObjectMapper eventMapper) {
        this.eventMapper = eventMapper;
    }

    @Override
    public String hash(String previousHash, Object payload, long sequenceNumber) {
        return hash(previousHash, payload.getClass().getName(), eventMapper.valueToTree(payload), sequenceNumber);
    }

    /** The hash of a stored event: its payload type, payload JSON and sequence number. */
    public String hash(String previousHash, String payloadType, JsonNode payload, long sequenceNumber) {
        String material = previousHash + "|" + payloadType + "|" + canonical(payload) + "|" + sequenceNumber;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** JSON with object keys sorted at every level, no insignificant whitespace. */
    public String canonical(JsonNode node) {
        try {
            return eventMapper.writeValueAsString(sorted(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = eventMapper.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = eventMapper.createArrayNode();
            node.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return node;
    }
}

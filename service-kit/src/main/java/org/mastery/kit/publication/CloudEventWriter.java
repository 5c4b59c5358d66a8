package org.mastery.kit.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.EventMessage;

/**
 * Writes the CloudEvents 1.0 structured JSON form (content type {@code application/cloudevents+json}).
 */
public class CloudEventWriter {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-z0-9]{1,20}");

    private final ObjectMapper objectMapper;
    private final String source;

    public CloudEventWriter(ObjectMapper objectMapper, String source) {
        this.objectMapper = objectMapper;
        this.source = source;
    }

    public String source() {
        return source;
    }

    public byte[] write(EventMessage<?> stored, PublishedEvent published) {
        ObjectNode json = objectMapper.createObjectNode();
        json.put("specversion", "1.0");
        json.put("id", stored.getIdentifier());
        json.put("source", source);
        json.put("type", published.type());
        if (published.subject() != null) {
            json.put("subject", published.subject());
        }
        json.put("time", DateTimeFormatter.ISO_INSTANT.format(stored.getTimestamp().atOffset(ZoneOffset.UTC)));
        json.put("datacontenttype", "application/json");
        json.put("dataschema", published.dataSchema());
        // CloudEvents' Kafka partitioning extension: the record key
        json.put("partitionkey", published.key());
        Object correlationId = stored.getMetaData().get("correlationId");
        if (correlationId != null) {
            json.put("correlationid", correlationId.toString());
        }
        for (Map.Entry<String, String> extension : published.extensions().entrySet()) {
            if (!EXTENSION_NAME.matcher(extension.getKey()).matches()) {
                throw new IllegalArgumentException("CloudEvents extension names are lower-case letters and digits: " + extension.getKey());
            }
            json.put(extension.getKey(), extension.getValue());
        }
        json.set("data", objectMapper.valueToTree(published.data()));
        try {
            return objectMapper.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write CloudEvent " + stored.getIdentifier(), e);
        }
    }
}

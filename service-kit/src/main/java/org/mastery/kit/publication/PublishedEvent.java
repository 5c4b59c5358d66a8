package org.mastery.kit.publication;

import java.util.Map;
import java.util.Objects;

/**
 * What one stored event becomes on Kafka: the topic, the partition key (the student id for
 * student-scoped events, so each student's events stay in order), the CloudEvents {@code type}
 * (a logical name such as {@code assessment.EvidenceRecorded}, never a class name), the
 * {@code subject}, the contract version of {@code data}, and the contract record itself.
 */
public record PublishedEvent(String topic, String key, String type, String subject, int dataVersion, Object data,
                             Map<String, String> extensions) {

    public PublishedEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public PublishedEvent(String topic, String key, String type, String subject, int dataVersion, Object data) {
        this(topic, key, type, subject, dataVersion, data, Map.of());
    }

    /** The {@code dataschema} URI: the JSON Schema of this type and version in the producer's contract. */
    public String dataSchema() {
        return "urn:mastery:schema:" + type + ":v" + dataVersion;
    }
}

package org.mastery.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes CloudEvents to the test broker as another service would: for consumer tests that
 * feed a service the events of a stream it reads (including duplicates and redeliveries).
 */
public final class CloudEventFeeder implements AutoCloseable {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final KafkaProducer<String, byte[]> producer;

    public CloudEventFeeder() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code data} as a CloudEvent with a fresh id; answers the id. */
    public String send(String topic, String key, String type, String subject, Object data) {
        String id = UUID.randomUUID().toString();
        send(topic, key, id, type, subject, data);
        return id;
    }

    /** Sends {@code data} as a CloudEvent with the given id (send twice to model a duplicate). */
    public void send(String topic, String key, String id, String type, String subject, Object data) {
        try {
            producer.send(new ProducerRecord<>(topic, key, cloudEvent(key, id, type, subject, data))).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not feed " + type + " to " + topic, e);
        }
    }

    /** The record value {@link #send} sends: {@code data} as a CloudEvent in JSON. */
    public static byte[] cloudEvent(String key, String id, String type, String subject, Object data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/mastery/test-feeder");
        event.put("type", type);
        if (subject != null) {
            event.put("subject", subject);
        }
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("dataschema", "urn:mastery:schema:" + type + ":v1");
        event.put("partitionkey", key);
        event.set("data", JSON.valueToTree(data));
        try {
            return JSON.writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + data, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}

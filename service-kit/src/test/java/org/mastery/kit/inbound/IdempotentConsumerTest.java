package org.mastery.kit.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mastery.testsupport.TestInfrastructure;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Each event applied once per consumer; a consumer of some types passes the others by unrecorded; a
 * batch consumer looks up and marks its events a batch at a time.
 */
class IdempotentConsumerTest {

    static MongoClient mongo;
    static ProcessedEvents processed;
    static IdempotentConsumer consumer;

    @BeforeAll
    static void start() {
        mongo = MongoClients.create(TestInfrastructure.mongo().uri());
        processed = new ProcessedEvents(mongo.getDatabase("kit_inbound_" + System.nanoTime() % 100000).getCollection(ProcessedEvents.COLLECTION));
        consumer = new IdempotentConsumer(new CloudEventReader(new ObjectMapper().findAndRegisterModules()), processed, new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        List<String> applied = new ArrayList<>();
        ConsumerRecord<String, byte[]> record = record(UUID.randomUUID().toString(), "Wanted");
        assertThat(consumer.apply("once", record, e -> applied.add(e.id()))).isTrue();
        assertThat(consumer.apply("once", record, e -> applied.add(e.id()))).isFalse();
        assertThat(applied).hasSize(1);
    }

    @Test
    void eventsOfOtherTypesArePassedOverWithoutBookkeeping() {
        List<String> applied = new ArrayList<>();
        String wanted = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        assertThat(consumer.apply("typed", record(other, "Unwanted"), Set.of("Wanted"), e -> applied.add(e.id()))).isFalse();
        assertThat(consumer.apply("typed", record(wanted, "Wanted"), Set.of("Wanted"), e -> applied.add(e.id()))).isTrue();
        assertThat(consumer.apply("typed", record(wanted, "Wanted"), Set.of("Wanted"), e -> applied.add(e.id()))).isFalse();

        assertThat(applied).containsExactly(wanted);
        assertThat(processed.contains("typed", wanted)).isTrue();
        assertThat(processed.contains("typed", other)).as("an event of another type is not recorded").isFalse();
    }

    @Test
    void aBatchIsLookedUpAndMarkedInOneGoAndMarkingTwiceIsHarmless() {
        CloudEventReader reader = new CloudEventReader(new ObjectMapper().findAndRegisterModules());
        InboundEvent first = reader.read(record(UUID.randomUUID().toString(), "Wanted"));
        InboundEvent second = reader.read(record(UUID.randomUUID().toString(), "Wanted"));
        InboundEvent third = reader.read(record(UUID.randomUUID().toString(), "Wanted"));
        processed.markProcessed("batch", first);

        assertThat(processed.applied("batch", List.of(first.id(), second.id(), third.id()))).containsExactly(first.id());
        assertThat(processed.applied("other-consumer", List.of(first.id()))).isEmpty();

        // first is marked already, and second twice in the batch: none of that is an error
        processed.markProcessed("batch", List.of(first, second, second, third));
        assertThat(processed.applied("batch", List.of(first.id(), second.id(), third.id())))
                .containsExactlyInAnyOrder(first.id(), second.id(), third.id());
    }

    @Test
    void aBatchGoesTogetherOnceWithoutWhatWasAppliedBeforeOrTwiceOrOfOtherTypes() {
        String before = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        consumer.apply("together", record(before, "Wanted"), e -> { });
        List<List<String>> batches = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> records = List.of(record(a, "Wanted"), record(before, "Wanted"),
                record(UUID.randomUUID().toString(), "Unwanted"), record(b, "Wanted"), record(a, "Wanted"));

        consumer.applyAll("together", records, Set.of("Wanted"), events -> batches.add(events.stream().map(InboundEvent::id).toList()),
                e -> { throw new AssertionError("applied one at a time"); });
        consumer.applyAll("together", records, Set.of("Wanted"), events -> batches.add(events.stream().map(InboundEvent::id).toList()),
                e -> { throw new AssertionError("applied one at a time"); });

        assertThat(batches).containsExactly(List.of(a, b));
        assertThat(processed.applied("together", List.of(a, b))).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void whenTheBatchFailsTogetherItsRecordsAreAppliedOneAtATimeUpToTheOneThatFails() {
        String a = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();
        List<ConsumerRecord<String, byte[]>> records = List.of(record(a, "Wanted"), record(bad, "Wanted"), record(c, "Wanted"));
        List<String> each = new ArrayList<>();

        assertThatThrownBy(() -> consumer.applyAll("one-by-one", records, Set.of("Wanted"),
                events -> { throw new IllegalStateException("one of them is bad"); },
                e -> {
                    if (e.id().equals(bad)) {
                        throw new IllegalArgumentException("bad");
                    }
                    each.add(e.id());
                }))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(each).containsExactly(a);
        assertThat(processed.applied("one-by-one", List.of(a, bad, c))).containsExactly(a);
    }

    @Test
    void anUnreadableRecordIsTheOneThatFails() {
        String a = UUID.randomUUID().toString();
        List<ConsumerRecord<String, byte[]>> records = List.of(record(a, "Wanted"),
                new ConsumerRecord<>("test.topic", 0, 1L, "subject", "not a cloud event".getBytes(StandardCharsets.UTF_8)));
        List<String> each = new ArrayList<>();

        assertThatThrownBy(() -> consumer.applyAll("unreadable", records, Set.of("Wanted"),
                events -> { throw new AssertionError("applied together"); }, e -> each.add(e.id())))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasCauseInstanceOf(MalformedEventException.class);
        assertThat(each).containsExactly(a);
    }

    private static ConsumerRecord<String, byte[]> record(String id, String type) {
        String json = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"source\":\"/test\","
                + "\"time\":\"2026-11-26T08:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":{}}";
        return new ConsumerRecord<>("test.topic", 0, 0L, "subject", json.getBytes(StandardCharsets.UTF_8));
    }
}

package org.mastery.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.mastery.platform.Platform;

/**
 * A crash of the publishing service in the middle of a burst loses nothing: curriculum-service is
 * killed with SIGKILL while frameworks are being created through the gateway, then restarted; every
 * framework whose creation was acknowledged reaches Kafka and reporting, and whatever was published
 * twice (a batch acknowledged by Kafka before the crash but not yet marked in the stored position)
 * changes nothing in reporting's view.
 */
class NoEventLostSystemTest {

    @Test
    void killingThePublisherMidStreamLosesNoEventAndDuplicatesAreHarmless() throws Exception {
        Platform platform = RunningSystem.platform();
        Api teacher = Api.as("tch-crash-" + UUID.randomUUID(), "TEACHER");
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            futures.add(writers.submit(() -> {
                while (!stop.get()) {
                    Api.Response created;
                    try {
                        created = teacher.post("/api/frameworks", Map.of(
                                "title", "crash " + run + " " + sequence.incrementAndGet(), "subject", "Mathematics", "gradeBand", "6"));
                    } catch (java.io.UncheckedIOException cut) {
                        // the service died while answering (e.g. a truncated chunked body): not acknowledged, nothing promised
                        refused.incrementAndGet();
                        continue;
                    }
                    if (created.status() == 201) {
                        acknowledged.add(created.json().get("frameworkId").asText());
                    } else {
                        refused.incrementAndGet(); // the service was down: the client was told, nothing was promised
                        Api.sleep(200);
                    }
                }
            }));
        }
        // crash the publishing service while the burst is being written and published
        awaitAcknowledged(acknowledged, 25);
        platform.kill9("curriculum");
        int atCrash = acknowledged.size();
        platform.restart("curriculum");
        awaitAcknowledged(acknowledged, atCrash + 40);
        stop.set(true);
        for (Future<?> future : futures) {
            future.get();
        }
        writers.shutdown();
        System.out.printf("acknowledged %d frameworks (%d before the crash), %d requests refused while the service was down%n",
                acknowledged.size(), atCrash, refused.get());
        assertThat(acknowledged.size()).isGreaterThan(atCrash);

        // every acknowledged framework is on Kafka (at least once) ...
        Map<String, Integer> publications = readDraftedFrameworks(platform, acknowledged);
        assertThat(publications.keySet()).containsExactlyInAnyOrderElementsOf(acknowledged);
        long duplicates = publications.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("%d CloudEvents for %d frameworks: %d duplicates%n",
                publications.values().stream().mapToInt(Integer::intValue).sum(), publications.size(), duplicates);

        // ... and in reporting's view, exactly as created
        for (String id : acknowledged) {
            Api.Response entry = teacher.await("/api/reports/frameworks/" + id, Api.Response::ok, Duration.ofSeconds(60));
            assertThat(entry.json().get("title").asText()).startsWith("crash " + run);
            assertThat(entry.json().get("version").asInt()).isEqualTo(1);
        }
    }

    private static void awaitAcknowledged(Set<String> acknowledged, int count) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " frameworks acknowledged, waiting for " + count);
            }
            Api.sleep(20);
        }
    }

    /** How many times each of {@code ids} was published as curriculum.FrameworkDrafted. */
    private static Map<String, Integer> readDraftedFrameworks(Platform platform, Set<String> ids) {
        Map<String, Set<String>> eventIds = new HashMap<>();
        Map<String, Integer> records = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.infrastructure().get("KAFKA_BOOTSTRAP_SERVERS"),
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("curriculum.frameworks.v1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (!records.keySet().containsAll(ids) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!ids.contains(record.key())) {
                        continue;
                    }
                    JsonNode event = parse(record.value());
                    if ("curriculum.FrameworkDrafted".equals(event.path("type").asText())) {
                        records.merge(record.key(), 1, Integer::sum);
                        eventIds.computeIfAbsent(record.key(), k -> new java.util.HashSet<>()).add(event.get("id").asText());
                    }
                }
            }
        }
        // a duplicate is the same event sent again: one CloudEvent id per framework
        eventIds.forEach((framework, idsSeen) -> assertThat(idsSeen).as("event ids of " + framework).hasSize(1));
        return records;
    }

    private static JsonNode parse(byte[] value) {
        try {
            return Api.JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}

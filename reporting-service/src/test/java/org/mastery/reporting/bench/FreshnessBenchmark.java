package org.mastery.reporting.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.contracts.assessment.AttemptScored;
import org.mastery.contracts.assessment.CompetencyScore;
import org.mastery.contracts.assessment.EvidenceRecorded;
import org.mastery.contracts.progression.MasteryLevelChanged;
import org.mastery.contracts.progression.ProgressionTopics;
import org.mastery.kit.inbound.InboundEvent;
import org.mastery.reporting.ReportingServiceApplication;
import org.mastery.reporting.projection.integration.ProjectionRebuilder;
import org.mastery.reporting.projection.query.ReadModels;
import org.mastery.reporting.support.Scenario;
import org.mastery.reporting.support.StubServices;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.TestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Freshness and rebuild benchmark, in one process: the real broker, PostgreSQL and MongoDB stand-in
 * from test-support, reporting-service started on a random port.
 *
 * <p>Freshness: a scored attempt (AttemptScored and its EvidenceRecorded, as assessment publishes them)
 * is sent every {@code intervalMs}; the time from the broker's acknowledgement of the evidence to its
 * visibility in the student's tracker and in the class map (both over HTTP, polled every 5 ms) is
 * recorded. Baseline in the same run: the broker's own produce-to-consume latency for the same kind of
 * record with a plain consumer. Rebuild: {@code rebuildStudents} students' worth of events are loaded,
 * then every projection is rebuilt from offset zero and timed.
 *
 * <p>Arguments: {@code [samples=200] [intervalMs=50] [rebuildStudents=300]}.
 */
public final class FreshnessBenchmark {

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int intervalMs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rebuildStudents = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        System.setProperty("AXONIQ_UPDATE_CHECKER_DISABLED", "true");

        Map<String, Object> props = new HashMap<>(TestInfrastructure.springProperties("_bench"));
        StubServices stubs = StubServices.instance();
        props.put("mastery.services.curriculum-url", stubs.url());
        props.put("mastery.services.progression-url", stubs.url());
        props.put("server.port", "0");
        props.put("logging.level.root", "WARN");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ReportingServiceApplication.class).properties(props).run();
        String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // a class of 30 students, seeded like the integration scenario
            String run = UUID.randomUUID().toString().substring(0, 6);
            Scenario s = new Scenario("bench-" + run, Instant.parse("2026-09-01T08:00:00Z"));
            send(producer, s.events().events());
            String teacher = TestIdentity.token(s.teacher, "TEACHER");
            List<String> students = new ArrayList<>(List.of(s.studentA, s.studentB));
            var roster = new org.mastery.reporting.support.EventStreams(Instant.parse("2026-09-01T08:00:00Z"));
            for (int i = 0; i < 28; i++) {
                String student = "stu-" + i + "-bench-" + run;
                students.add(student);
                roster.add("roster.enrollments.v1", student, "roster.StudentRegistered", new org.mastery.contracts.roster.StudentRegistered(student, s.school, "06"));
                roster.add("roster.enrollments.v1", student, "roster.StudentEnrolled", new org.mastery.contracts.roster.StudentEnrolled(student, s.classId));
            }
            send(producer, roster.events());
            waitFor(http, base + "/api/reports/classes/" + s.classId + "/mastery-map", teacher,
                    body -> body.path("students").size() == 30, Duration.ofSeconds(60));

            List<Double> baseline = baseline(producer, samples, intervalMs);
            List<Double> tracker = new ArrayList<>();
            List<Double> classMap = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                String student = students.get(i % students.size());
                String evidenceId = "ev-bench-" + run + "-" + i;
                Instant now = Instant.now();
                String attemptId = "att-bench-" + run + "-" + i;
                producer.send(new ProducerRecord<>(AssessmentTopics.ATTEMPTS, student, cloudEvent(AttemptScored.TYPE, student,
                        new AttemptScored(attemptId, student, s.assessment, "FORMATIVE", "SELECTED_RESPONSE",
                                List.of(new CompetencyScore(s.c3, 2.0, evidenceId)), "auto", now, now, false))));
                Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(AssessmentTopics.EVIDENCE, student,
                        cloudEvent(EvidenceRecorded.TYPE, student, new EvidenceRecorded(evidenceId, student, s.c3, 2.0,
                                "SELECTED_RESPONSE", "FORMATIVE", s.assessment, attemptId, null, "auto", now, now, null))));
                sent.get(10, TimeUnit.SECONDS);
                long t0 = System.nanoTime();
                int expected = i / students.size() + 1;
                String token = TestIdentity.token(s.teacher, "TEACHER");
                waitFor(http, base + "/api/reports/students/" + student, token, body -> evidenceCount(body.path("competencies"), s.c3) >= expected,
                        Duration.ofSeconds(10));
                tracker.add((System.nanoTime() - t0) / 1e6);
                waitFor(http, base + "/api/reports/classes/" + s.classId + "/mastery-map", token,
                        body -> cell(body, student, s.c3) >= expected, Duration.ofSeconds(10));
                classMap.add((System.nanoTime() - t0) / 1e6);
                Thread.sleep(intervalMs);
            }
            System.out.println();
            System.out.printf("Freshness, %d scored attempts, one every %d ms, class of 30 (2 cores, embedded broker, MongoDB stand-in; load average %s)%n",
                    samples, intervalMs, loadAverage());
            print("baseline: broker produce->consume", baseline);
            print("evidence -> visible in student tracker", tracker);
            print("evidence -> visible in class map", classMap);

            rebuild(app, producer, rebuildStudents, run, s);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    static void rebuild(ConfigurableApplicationContext app, KafkaProducer<String, byte[]> producer, int studentsCount, String run, Scenario s)
            throws Exception {
        var streams = new org.mastery.reporting.support.EventStreams(Instant.parse("2026-09-01T08:00:00Z"));
        for (int i = 0; i < studentsCount; i++) {
            String student = "stu-rb-" + i + "-" + run;
            streams.add("roster.enrollments.v1", student, "roster.StudentRegistered", new org.mastery.contracts.roster.StudentRegistered(student, s.school, "06"));
            streams.add("roster.enrollments.v1", student, "roster.StudentEnrolled", new org.mastery.contracts.roster.StudentEnrolled(student, s.classId));
            for (int k = 0; k < 8; k++) {
                String competency = k % 2 == 0 ? s.c1 : s.c2;
                Instant at = Instant.parse("2026-09-01T08:00:00Z").plusSeconds(3600L * k);
                streams.add(AssessmentTopics.EVIDENCE, student, EvidenceRecorded.TYPE, new EvidenceRecorded("ev-rb-" + i + "-" + k + "-" + run,
                        student, competency, 1 + k % 4, "PROJECT", "SUMMATIVE", s.assessment, null, null, "auto", at, at, null));
                streams.add(ProgressionTopics.DECISIONS, student, MasteryLevelChanged.TYPE, new MasteryLevelChanged(student, competency,
                        "IN_PROGRESS", null, 2.0 + k * 0.1, k + 1, null));
            }
        }
        long t0 = System.nanoTime();
        send(producer, streams.events());
        ProjectionRebuilder rebuilder = app.getBean(ProjectionRebuilder.class);
        // live: wait for the listeners to apply everything (a rebuild's own catch-up check, without the reset)
        long loaded = waitCaughtUp(app);
        double liveSeconds = (System.nanoTime() - t0) / 1e9;
        ProjectionRebuilder.Status status = rebuilder.rebuildNow();
        System.out.printf("%nLoad average %s. Live projection of %d new events (send + apply): %.1f s, %.0f events/s%n", loadAverage(), streams.events().size(),
                liveSeconds, streams.events().size() / liveSeconds);
        System.out.printf("Rebuild from offset zero: %s, %d records replayed in %d ms (%.0f records/s)%n", status.state(),
                status.recordsToReplay(), status.durationMillis(), status.recordsToReplay() * 1000.0 / Math.max(1, status.durationMillis()));
        if (loaded < 0) {
            System.out.println("(live catch-up check timed out)");
        }
    }

    static long waitCaughtUp(ConfigurableApplicationContext app) throws Exception {
        String group = app.getEnvironment().resolveRequiredPlaceholders(
                org.mastery.reporting.projection.integration.ReportingEventsListener.LISTENER_ID);
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> request = new HashMap<>();
                committed.keySet().forEach(tp -> request.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
                var ends = admin.listOffsets(request).all().get();
                long behind = 0;
                for (var e : ends.entrySet()) {
                    behind += Math.max(0, e.getValue().offset() - committed.get(e.getKey()).offset());
                }
                if (behind == 0) {
                    return 0;
                }
                Thread.sleep(50);
            }
        }
        return -1;
    }

    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static List<Double> baseline(KafkaProducer<String, byte[]> producer, int samples, int intervalMs) throws Exception {
        String topic = "bench.baseline.v1";
        Map<String, Long> received = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread consumerThread = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"), new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(r -> received.put(r.key(), System.nanoTime()));
                }
            }
        });
        consumerThread.start();
        producer.send(new ProducerRecord<>(topic, "warm-up", new byte[1])).get();
        Thread.sleep(3000); // let the consumer join
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String key = "k" + i;
            producer.send(new ProducerRecord<>(topic, key, cloudEvent("bench.Baseline", key, Map.of("i", i)))).get(10, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            while (!received.containsKey(key) && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(0, 200_000);
            }
            latencies.add((received.getOrDefault(key, System.nanoTime()) - t0) / 1e6);
            Thread.sleep(intervalMs);
        }
        running.set(false);
        consumerThread.join();
        return latencies;
    }

    static int evidenceCount(JsonNode competencies, String competencyId) {
        for (JsonNode c : competencies) {
            if (c.path("competencyId").asText().equals(competencyId)) {
                return c.path("evidenceCount").asInt();
            }
        }
        return 0;
    }

    static int cell(JsonNode map, String student, String competencyId) {
        for (JsonNode row : map.path("students")) {
            if (row.path("studentId").asText().equals(student)) {
                return row.path("cells").path(competencyId).path("evidenceCount").asInt();
            }
        }
        return 0;
    }

    static void waitFor(HttpClient http, String url, String token, java.util.function.Predicate<JsonNode> ready, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200 && ready.test(ReadModels.JSON.readTree(response.body()))) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("not visible within " + timeout + ": " + url);
    }

    static void send(KafkaProducer<String, byte[]> producer, List<InboundEvent> events) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (InboundEvent e : events) {
            sent.add(producer.send(new ProducerRecord<>(e.topic(), e.subject(), cloudEvent(e.id(), e.type(), e.subject(), e.data()))));
        }
        for (Future<RecordMetadata> f : sent) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    static byte[] cloudEvent(String type, String subject, Object data) throws Exception {
        return cloudEvent(UUID.randomUUID().toString(), type, subject, data);
    }

    static byte[] cloudEvent(String id, String type, String subject, Object data) throws Exception {
        var event = ReadModels.JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/mastery/bench");
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("dataschema", "urn:mastery:schema:" + type + ":v1");
        event.set("data", ReadModels.JSON.valueToTree(data));
        return ReadModels.JSON.writeValueAsBytes(event);
    }

    static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    static void print(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("  %-42s p50 %7.1f ms   p95 %7.1f ms   p99 %7.1f ms   max %7.1f ms   (n=%d)%n", what,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1), sorted.size());
    }

    static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}

package org.mastery.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.mastery.kit.inbound.InboundEvent;
import org.mastery.reporting.catalog.FrameworkCatalogProjection;
import org.mastery.reporting.projection.integration.ReportingEventsListener;
import org.mastery.reporting.support.StubServices;
import org.mastery.testsupport.CloudEventFeeder;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.TestInfrastructure;
import org.mastery.testsupport.UsesInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for every integration test of reporting-service: the real broker, PostgreSQL and
 * the MongoDB stand-in, events fed as the producers would send them, and stand-ins for the two HTTP
 * APIs reporting reads (curriculum's people, progression's audit).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure
public abstract class ReportingIntegrationTest {

    protected static final StubServices STUBS = StubServices.instance();
    private static CloudEventFeeder feeder;

    static {
        // the disclosure topics other services write, there before reporting subscribes (its own it creates)
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<org.apache.kafka.clients.admin.NewTopic> wanted = org.mastery.contracts.access.AccessTopics.allDisclosureTopics().stream()
                    .filter(t -> !existing.contains(t)).map(t -> new org.apache.kafka.clients.admin.NewTopic(t, 3, (short) 1)).toList();
            admin.createTopics(wanted).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create the disclosure topics", e);
        }
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("mastery.services.curriculum-url", STUBS::url);
        registry.add("mastery.services.progression-url", STUBS::url);
        registry.add("mastery.reporting.names-back-off", () -> "300ms");
    }

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected Environment env;

    protected static synchronized CloudEventFeeder feeder() {
        if (feeder == null) {
            feeder = new CloudEventFeeder();
        }
        return feeder;
    }

    /** Sends recorded events as their producers would (same ids, topics, keys, subjects). */
    protected static void feed(List<InboundEvent> events) {
        for (InboundEvent e : events) {
            feeder().send(e.topic(), e.subject(), e.id(), e.type(), e.subject(), e.data());
        }
    }

    protected static String token(String subject, String... roles) {
        return TestIdentity.token(subject, roles);
    }

    protected ResponseEntity<JsonNode> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType("application/ld+json"),
                MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    protected ResponseEntity<JsonNode> post(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(headers), JsonNode.class);
    }

    /** GETs until the answer satisfies {@code ready}, or fails with the last answer after {@code timeout}. */
    protected ResponseEntity<JsonNode> await(String path, String token, Predicate<ResponseEntity<JsonNode>> ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ResponseEntity<JsonNode> last;
        do {
            last = get(path, token);
            if (ready.test(last)) {
                return last;
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("GET " + path + " did not become ready within " + timeout + "; last answer " + last.getStatusCode()
                + " " + last.getBody());
    }

    protected ResponseEntity<JsonNode> await(String path, String token, Predicate<ResponseEntity<JsonNode>> ready) {
        return await(path, token, ready, Duration.ofSeconds(30));
    }

    /** Waits until both reporting listeners have committed everything on their topics. */
    protected void awaitCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            for (String group : List.of(env.resolveRequiredPlaceholders(ReportingEventsListener.LISTENER_ID),
                    env.resolveRequiredPlaceholders(FrameworkCatalogProjection.LISTENER_ID))) {
                while (!caughtUp(admin, group)) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("group " + group + " did not catch up");
                    }
                    sleep(50);
                }
            }
        }
    }

    private static boolean caughtUp(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        Set<String> topics = admin.listTopics().names().get();
        Map<TopicPartition, OffsetSpec> request = new java.util.HashMap<>();
        for (String topic : ReportingEventsListener.topics()) {
            if (topics.contains(topic)) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
        }
        var ends = admin.listOffsets(request).all().get();
        for (var e : ends.entrySet()) {
            boolean relevant = group.endsWith(".reporting-views") || e.getKey().topic().equals("curriculum.frameworks.v1");
            if (relevant && e.getValue().offset() > 0) {
                OffsetAndMetadata at = committed.get(e.getKey());
                if (at == null || at.offset() < e.getValue().offset()) {
                    return false;
                }
            }
        }
        return true;
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.mastery.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastery.kit.PublicationTestSupport.forSubject;
import static org.mastery.kit.PublicationTestSupport.ids;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mastery.kit.testapp.KitTestApplication;
import org.mastery.kit.testapp.KitTestApplication.IncrementCounter;
import org.mastery.kit.testapp.KitTestApplication.OpenCounter;
import org.mastery.testsupport.TopicProbe;
import org.mastery.testsupport.UsesInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

@SpringBootTest(classes = KitTestApplication.class)
@UsesInfrastructure
class EventPublicationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    Environment environment;

    @Test
    void aBurstLargerThanTheBatchIsPublishedCompletelyAndInOrderPerStudent() {
        // batch size is 50 in the test configuration; 5 students x 120 increments = 600 events
        List<String> students = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            String student = "student-" + UUID.randomUUID();
            String counter = "counter-" + UUID.randomUUID();
            students.add(student);
            commands.sendAndWait(new OpenCounter(counter, student));
            for (int i = 0; i < 120; i++) {
                commands.sendAndWait(new IncrementCounter(counter));
            }
        }

        try (TopicProbe probe = new TopicProbe(KitTestApplication.TOPIC)) {
            var records = probe.readUntil(seen -> students.stream()
                    .allMatch(s -> ids(forSubject(seen, s)).size() == 120), Duration.ofSeconds(60));
            for (String student : students) {
                List<JsonNode> events = forSubject(records, student);
                assertThat(ids(events)).hasSize(120);
                // each student's events share a partition key, so they arrive in the order they were stored
                List<Long> values = events.stream().map(e -> e.at("/data/value").asLong()).distinct().toList();
                assertThat(values).isSorted().hasSize(120);
            }
            assertThat(records).allSatisfy(r -> assertThat(r.key()).startsWith("student-"));
        }
    }

    @Test
    void eventsAreCloudEventsWithALogicalTypeAndTheStoredEventsId() {
        String student = "student-" + UUID.randomUUID();
        String counter = "counter-" + UUID.randomUUID();
        commands.sendAndWait(new OpenCounter(counter, student));
        commands.sendAndWait(new IncrementCounter(counter));

        try (TopicProbe probe = new TopicProbe(KitTestApplication.TOPIC)) {
            var records = probe.readUntil(seen -> !forSubject(seen, student).isEmpty(), Duration.ofSeconds(30));
            var record = records.stream().filter(r -> r.key().equals(student)).findFirst().orElseThrow();
            JsonNode event = PublicationTestSupport.json(record);
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("type").asText()).isEqualTo("kittest.CounterIncremented");
            assertThat(event.get("source").asText()).isEqualTo("/mastery/kittest");
            assertThat(event.get("subject").asText()).isEqualTo(student);
            assertThat(event.get("dataschema").asText()).isEqualTo("urn:mastery:schema:kittest.CounterIncremented:v1");
            assertThat(event.get("time").asText()).endsWith("Z");
            assertThat(event.get("id").asText()).isNotBlank();
            assertThat(event.at("/data/value").asLong()).isEqualTo(1);
            assertThat(new String(record.headers().lastHeader("content-type").value())).startsWith("application/cloudevents+json");
        }
    }

    @Test
    void axonsUpdateCheckerIsSwitchedOff() {
        // the property Axon's Spring Boot starter reads, and the system property its checker reads
        assertThat(environment.getProperty("axon.update-check.disabled", Boolean.class)).isTrue();
        assertThat(System.getProperty("axoniq.update-checker.disabled")).isEqualTo("true");
        assertThat(environment.getProperty("axon.axonserver.enabled", Boolean.class)).isFalse();
    }

    @Test
    void eachServiceGetsItsOwnDatabases() {
        assertThat(environment.getProperty("spring.datasource.url")).contains("/kittest_t");
        assertThat(environment.getProperty("spring.data.mongodb.database")).startsWith("mastery_kittest_t");
    }
}

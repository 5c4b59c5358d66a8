package org.mastery.progression.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.contracts.access.AccessEventType;
import org.mastery.contracts.access.AccessTopics;
import org.mastery.progression.it.ProgressionIntegrationTest;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.TopicProbe;
import org.mastery.testsupport.bola.RosterFixture;
import org.mastery.testsupport.contracts.ContractSamples;
import org.mastery.testsupport.http.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * FERPA's record of disclosures, end to end in a producing service: a read of a student's progression
 * is appended to progression's own event log and published on {@code progression.disclosures.v1}, keyed
 * by the student, valid against the contract; a refused read records nothing.
 */
class DisclosureLogTest extends ProgressionIntegrationTest {

    static final RosterFixture ROSTER = RosterFixture.create();

    @LocalServerPort
    int port;
    @Autowired
    AccessGuard access;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aReadOfAStudentsDataIsRecordedAndPublishedARefusedOneIsNot() throws Exception {
        ROSTER.feed(FEED);
        BolaMatrixTest.await("the roster", () -> access.policy().canReadStudent(Viewer.of(ROSTER.guardianA, Role.GUARDIAN), ROSTER.studentA)
                && access.policy().canReadStudent(Viewer.of(ROSTER.guardianB, Role.GUARDIAN), ROSTER.studentB));
        RawHttp http = RawHttp.localhost(port);
        String path = "/api/students/" + ROSTER.studentA + "/progression";
        String refusedId = "refused-" + UUID.randomUUID();
        String readId = "read-" + UUID.randomUUID();

        // first someone who may not see the student, then their guardian: the same partition, so in this order
        var refused = http.send("GET", path, TestIdentity.token(ROSTER.guardianB, "GUARDIAN"), null, Map.of("X-Correlation-Id", refusedId));
        assertThat(refused.status()).isEqualTo(404);
        var read = http.send("GET", path, TestIdentity.token(ROSTER.guardianA, "GUARDIAN"), null, Map.of("X-Correlation-Id", readId));
        assertThat(read.status()).isEqualTo(200);

        try (TopicProbe probe = new TopicProbe(AccessTopics.PROGRESSION_DISCLOSURES)) {
            List<ConsumerRecord<String, byte[]>> records = probe.readUntil(seen -> seen.stream().anyMatch(r -> correlation(r).equals(readId)),
                    Duration.ofSeconds(30));
            ConsumerRecord<String, byte[]> record = records.stream().filter(r -> correlation(r).equals(readId)).findFirst().orElseThrow();
            assertThat(record.key()).isEqualTo(ROSTER.studentA);
            JsonNode event = RawHttp.JSON.readTree(record.value());
            assertThat(event.path("type").asText()).isEqualTo("access.StudentRecordDisclosed");
            assertThat(event.path("subject").asText()).isEqualTo(ROSTER.studentA);
            assertThat(event.path("source").asText()).isEqualTo("/mastery/progression");
            assertThat(event.path("dataschema").asText()).isEqualTo(AccessEventType.STUDENT_RECORD_DISCLOSED.dataSchema());
            JsonNode data = event.path("data");
            ContractSamples.assertValid(AccessEventType.class, AccessEventType.STUDENT_RECORD_DISCLOSED.schemaResource(), data);
            assertThat(data.path("studentId").asText()).isEqualTo(ROSTER.studentA);
            assertThat(data.path("accessorId").asText()).isEqualTo(ROSTER.guardianA);
            assertThat(data.path("accessorRoles")).extracting(JsonNode::asText).containsExactly("GUARDIAN");
            assertThat(data.path("service").asText()).isEqualTo("progression");
            assertThat(data.path("endpoint").asText()).isEqualTo("GET /api/students/{studentId}/progression");
            assertThat(data.path("record").asText()).isEqualTo("progression");
            assertThat(data.path("correlationId").asText()).isEqualTo(readId);
            assertThat(data.path("disclosedAt").asText()).isNotBlank();
            // ids only: nothing but the fields of the contract
            assertThat(data.size()).isEqualTo(8);

            assertThat(records).noneMatch(r -> correlation(r).equals(refusedId));
            assertThat(records).noneMatch(r -> r.value() != null && new String(r.value()).contains(ROSTER.guardianB));
        }
        // the disclosure is part of progression's immutable log
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ? AND convert_from(metadata, 'UTF8') LIKE ?",
                Long.class, "org.mastery.access.disclosure.StudentRecordDisclosed", "%" + readId + "%")).isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE convert_from(metadata, 'UTF8') LIKE ?",
                Long.class, "%" + refusedId + "%")).isZero();
    }

    static String correlation(ConsumerRecord<String, byte[]> record) {
        try {
            return RawHttp.JSON.readTree(record.value()).path("correlationid").asText();
        } catch (Exception e) {
            return "";
        }
    }
}

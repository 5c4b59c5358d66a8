package org.mastery.reporting.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.contracts.access.AccessTopics;
import org.mastery.contracts.access.StudentRecordDisclosed;
import org.mastery.reporting.ReportingIntegrationTest;
import org.mastery.testsupport.bola.RosterFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A student's access log end to end: disclosures published by the four services on their
 * {@code <service>.disclosures.v1} topics are gathered per student and month, each once, and listed
 * to the student, their guardians, auditors and administrators — and reading the log is a disclosure
 * too, which reporting publishes on its own topic and so finds in the log.
 */
class AccessLogTest extends ReportingIntegrationTest {

    static final RosterFixture ROSTER = RosterFixture.create();

    @Autowired
    AccessGuard access;

    static StudentRecordDisclosed disclosure(String studentId, String accessor, String role, String service, String endpoint,
                                             String record, Instant at) {
        return new StudentRecordDisclosed(studentId, accessor, List.of(role), service, endpoint, record, at, "corr-" + UUID.randomUUID());
    }

    void send(String topic, String id, StudentRecordDisclosed d) {
        feeder().send(topic, d.studentId(), id, StudentRecordDisclosed.TYPE, d.studentId(), d);
    }

    static List<JsonNode> others(JsonNode log) {
        List<JsonNode> entries = new ArrayList<>();
        log.path("entries").forEach(e -> {
            if (!e.path("service").asText().equals("reporting")) {
                entries.add(e);
            }
        });
        return entries;
    }

    @Test
    void everyServicesDisclosuresOfAStudentAreListedOnceNewestFirstToThoseWhoMaySeeThem() {
        ROSTER.feed(feeder());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(access.policy().canReadStudent(Viewer.of(ROSTER.guardianA, Role.GUARDIAN), ROSTER.studentA)
                && access.policy().canTeachStudent(Viewer.of(ROSTER.teacherA, Role.TEACHER), ROSTER.studentA))) {
            assertThat(System.nanoTime()).as("the roster's access facts").isLessThan(deadline);
            sleep(50);
        }
        String a = ROSTER.studentA;
        String progressionId = UUID.randomUUID().toString();
        send(AccessTopics.CURRICULUM_DISCLOSURES, UUID.randomUUID().toString(), disclosure(a, ROSTER.teacherA, "TEACHER", "curriculum",
                "GET /api/roster/people/{id}", "person", Instant.parse("2026-10-30T08:00:00Z")));
        send(AccessTopics.ASSESSMENT_DISCLOSURES, UUID.randomUUID().toString(), disclosure(a, ROSTER.guardianA, "GUARDIAN", "assessment",
                "GET /api/attempts/{id}", "attempt", Instant.parse("2026-11-02T08:00:00Z")));
        StudentRecordDisclosed progression = disclosure(a, "aud-7", "AUDITOR", "progression",
                "GET /internal/audit/students/{studentId}/history", "audit-history", Instant.parse("2026-11-20T08:00:00Z"));
        send(AccessTopics.PROGRESSION_DISCLOSURES, progressionId, progression);
        send(AccessTopics.PROGRESSION_DISCLOSURES, progressionId, progression); // redelivered: counted once
        send(AccessTopics.PROGRESSION_DISCLOSURES, UUID.randomUUID().toString(), disclosure(ROSTER.studentB, ROSTER.teacherB, "TEACHER",
                "progression", "GET /api/students/{studentId}/progression", "progression", Instant.parse("2026-11-21T08:00:00Z")));

        String path = "/api/reports/students/" + a + "/access-log";
        String student = token(a, "STUDENT");
        JsonNode log = await(path, student, r -> r.getStatusCode() == HttpStatus.OK && others(r.getBody()).size() == 3).getBody();
        List<JsonNode> entries = others(log);
        assertThat(entries).extracting(e -> e.path("service").asText()).containsExactly("progression", "assessment", "curriculum");
        assertThat(entries.get(0).path("eventId").asText()).isEqualTo(progressionId);
        assertThat(entries.get(0).path("accessorId").asText()).isEqualTo("aud-7");
        assertThat(entries.get(0).path("accessorRoles")).extracting(JsonNode::asText).containsExactly("AUDITOR");
        assertThat(entries.get(0).path("endpoint").asText()).isEqualTo("GET /internal/audit/students/{studentId}/history");
        assertThat(entries.get(0).path("disclosedAt").asText()).isEqualTo("2026-11-20T08:00:00Z");
        assertThat(log.path("months")).extracting(JsonNode::asText).startsWith("2026-11").contains("2026-10");
        assertThat(log.toString()).doesNotContain(ROSTER.studentB).doesNotContain(ROSTER.teacherB);

        JsonNode october = get(path + "?month=2026-10", student).getBody();
        assertThat(october.path("entries")).extracting(e -> e.path("service").asText()).containsExactly("curriculum");
        assertThat(get(path + "?month=last-year", student).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // who may read it
        for (String reader : List.of(token(ROSTER.guardianA, "GUARDIAN"), token("aud-log", "AUDITOR"), token("adm-log", "ADMIN"))) {
            assertThat(get(path, reader).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        ResponseEntity<JsonNode> teacher = get(path, token(ROSTER.teacherA, "TEACHER"));
        assertThat(teacher.getStatusCode()).as("a teacher sees the student, not who else did").isEqualTo(HttpStatus.FORBIDDEN);
        for (String stranger : List.of(token(ROSTER.guardianB, "GUARDIAN"), token(ROSTER.teacherB, "TEACHER"),
                token(ROSTER.studentB, "STUDENT"), token(ROSTER.leaderA, "LEADER"))) {
            ResponseEntity<JsonNode> refused = get(path, stranger);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.getBody().path("detail").asText()).isEqualTo("No student with id " + a);
        }

        // reading the log is itself a disclosure: reporting publishes it on its own topic and finds it there
        JsonNode withOwn = await(path, token("adm-log", "ADMIN"), r -> r.getBody().path("entries").toString()
                .contains("GET /api/reports/students/{id}/access-log")).getBody();
        JsonNode own = null;
        for (JsonNode e : withOwn.path("entries")) {
            if (e.path("service").asText().equals("reporting") && e.path("accessorId").asText().equals(a)) {
                own = e;
            }
        }
        assertThat(own).as("the student's own read of the log, recorded by reporting").isNotNull();
        assertThat(own.path("record").asText()).isEqualTo("access-log");
        assertThat(own.path("accessorRoles")).extracting(JsonNode::asText).containsExactly("STUDENT");
        // the refused reads recorded nothing
        assertThat(withOwn.toString()).doesNotContain(ROSTER.guardianB).doesNotContain(ROSTER.leaderA);
    }

    @Test
    void aDisclosureAsAProducerPublishesItIsReadWithoutLoss() {
        String student = "stu-sample-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> data = Map.of("studentId", student, "accessorId", "grd-1c2d3e4f", "accessorRoles", List.of("GUARDIAN"),
                "service", "progression", "endpoint", "GET /api/students/{studentId}/progression", "record", "progression",
                "disclosedAt", "2026-11-25T09:41:07.118Z", "correlationId", "9c1f6a2e", "addedLater", "consumers ignore unknown fields");
        feeder().send(AccessTopics.PROGRESSION_DISCLOSURES, student, UUID.randomUUID().toString(), StudentRecordDisclosed.TYPE, student, data);
        JsonNode log = await("/api/reports/students/" + student + "/access-log", token("aud-1", "AUDITOR"),
                r -> others(r.getBody()).size() == 1).getBody();
        JsonNode entry = others(log).get(0);
        assertThat(entry.path("accessorId").asText()).isEqualTo("grd-1c2d3e4f");
        assertThat(entry.path("correlationId").asText()).isEqualTo("9c1f6a2e");
        assertThat(log.path("months")).extracting(JsonNode::asText).contains("2026-11");
    }
}

package org.mastery.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.roster.PersonalDataErased;
import org.mastery.contracts.roster.RosterTopics;
import org.mastery.reporting.people.query.PeopleDirectory;
import org.mastery.reporting.projection.query.ReadModelStore;
import org.mastery.reporting.projection.query.ReadModels;
import org.mastery.reporting.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Names come from curriculum-service with the caller's token, are cached per person, and are forgotten on erasure. */
class NamesAndForgettingTest extends ReportingIntegrationTest {

    @Autowired
    ReadModelStore store;

    @AfterEach
    void curriculumBack() {
        STUBS.curriculumAvailable = true;
        sleep(400); // longer than the client's back-off after a failure (mastery.reporting.names-back-off in tests)
    }

    @Test
    void namesAreShownThenForgottenWhenTheStudentsPersonalDataIsErased() {
        Scenario s = new Scenario("n-" + UUID.randomUUID().toString().substring(0, 8), Instant.parse("2026-09-01T08:00:00Z"));
        STUBS.person(s.studentA, "Ada", "Lovelace");
        STUBS.person(s.studentB, "Blaise", "Pascal");
        feed(s.events().events());
        String teacher = token(s.teacher, "TEACHER");

        JsonNode tracker = await("/api/reports/students/" + s.studentA, teacher, r -> r.getStatusCode() == HttpStatus.OK
                && r.getBody().path("peerTutor").asBoolean()).getBody();
        assertThat(tracker.path("name").asText()).isEqualTo("Ada Lovelace");
        // the caller's own token was relayed to curriculum-service
        assertThat(STUBS.authorizations).contains("Bearer " + teacher);
        JsonNode map = await("/api/reports/classes/" + s.classId + "/mastery-map", teacher,
                r -> r.getBody().path("students").size() == 2).getBody();
        assertThat(map.toString()).contains("Ada Lovelace").contains("Blaise Pascal");
        // contact data is never kept, only a display name
        assertThat(store.find(PeopleDirectory.CACHE, s.studentA).orElseThrow().toString()).doesNotContain("@");
        JsonNode guardianView = get("/api/reports/guardians/" + s.guardian + "/children", token(s.guardian, "GUARDIAN")).getBody();
        assertThat(guardianView.path("children").get(0).path("name").asText()).isEqualTo("Ada Lovelace");

        feeder().send(RosterTopics.ENROLLMENTS, s.studentA, UUID.randomUUID().toString(), PersonalDataErased.TYPE, s.studentA,
                new PersonalDataErased(s.studentA, "STUDENT", Instant.now()));
        await("/api/reports/students/" + s.studentA, teacher, r -> !r.getBody().has("name"));
        int callsAfterErasure = STUBS.callsFor(s.studentA);

        assertThat(store.find(PeopleDirectory.CACHE, s.studentA)).isEmpty();
        assertThat(store.find(ReadModels.ERASED_PEOPLE, s.studentA)).isPresent();
        JsonNode after = get("/api/reports/classes/" + s.classId + "/mastery-map", teacher).getBody();
        assertThat(after.toString()).doesNotContain("Ada").contains("Blaise Pascal");
        // ids and learning evidence stay, pseudonymous
        JsonNode rowA = after.path("students").findParents("studentId").stream()
                .filter(n -> n.path("studentId").asText().equals(s.studentA)).findFirst().orElseThrow();
        assertThat(rowA.path("cells").path(s.c1).path("evidenceCount").asInt()).isEqualTo(2);
        assertThat(get("/api/reports/students/" + s.studentA + "/transcript", teacher).getBody().path("mastered")).hasSize(1);
        JsonNode transcript = get("/api/reports/students/" + s.studentA + "/transcript", teacher).getBody();
        assertThat(transcript.has("name")).isFalse();
        // and the name is not fetched again, even though curriculum would still answer
        get("/api/reports/students/" + s.studentA, teacher);
        get("/api/reports/guardians/" + s.guardian + "/children", token(s.guardian, "GUARDIAN"));
        assertThat(STUBS.callsFor(s.studentA)).isEqualTo(callsAfterErasure);
        // no read model document holds the name
        for (String collection : ReadModels.PROJECTIONS) {
            assertThat(store.all(collection).toString()).as(collection).doesNotContain("Lovelace");
        }
    }

    @Test
    void whenCurriculumIsUnreachableViewsShowIdsOnly() {
        Scenario s = new Scenario("d-" + UUID.randomUUID().toString().substring(0, 8), Instant.parse("2026-09-01T08:00:00Z"));
        STUBS.person(s.studentA, "Carl", "Gauss");
        STUBS.curriculumAvailable = false;
        feed(s.events().events());
        String teacher = token(s.teacher, "TEACHER");
        JsonNode tracker = await("/api/reports/students/" + s.studentA, teacher, r -> r.getStatusCode() == HttpStatus.OK
                && r.getBody().path("peerTutor").asBoolean() && r.getBody().path("competencies").size() == 3).getBody();
        assertThat(tracker.has("name")).isFalse();
        assertThat(tracker.path("competencies")).hasSize(3);
        JsonNode map = get("/api/reports/classes/" + s.classId + "/mastery-map", teacher).getBody();
        assertThat(map.path("students").size()).isEqualTo(2);
        assertThat(map.toString()).doesNotContain("Gauss");
    }
}

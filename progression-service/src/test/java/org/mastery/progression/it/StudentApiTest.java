package org.mastery.progression.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.roster.PersonalDataErased;
import org.mastery.contracts.roster.RosterTopics;
import org.mastery.progression.journey.integration.JourneyTexts;
import org.mastery.progression.journey.integration.OverrideExpiries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The student-facing API: who may do what, validation, goals, reflections, overrides with expiry, next steps. */
class StudentApiTest extends ProgressionIntegrationTest {

    @Autowired
    OverrideExpiries expiries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JourneyTexts texts;

    @Test
    void readsFollowTheObjectLevelRules() {
        String student = id("stu");
        String other = id("stu");
        enroll(student, id("cls"), "tch-a");
        linkGuardian(student, "grd-a");
        String path = "/api/students/" + student + "/progression";
        assertThat(get(path, bearer(student, "STUDENT")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(path, bearer("tch-a", "TEACHER")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(path, bearer("grd-a", "GUARDIAN")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(path, bearer("aud-1", "AUDITOR")).getStatusCode()).isEqualTo(HttpStatus.OK);
        // another student, another teacher's view, an unknown id: all the same 404
        ResponseEntity<JsonNode> otherStudent = get(path, bearer(other, "STUDENT"));
        ResponseEntity<JsonNode> otherTeacher = get(path, bearer("tch-b", "TEACHER"));
        ResponseEntity<JsonNode> unknown = get("/api/students/nobody-" + other + "/progression", bearer("tch-a", "TEACHER"));
        for (ResponseEntity<JsonNode> refused : List.of(otherStudent, otherTeacher, unknown)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(get(path, new org.springframework.http.HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void overridesAreForTheStudentsTeacherOrAnAdminAndExpireByThemselves() {
        String student = id("stu");
        String competency = id("cmp");
        enroll(student, id("cls"), "tch-o");
        define(competency(competency, 1, "DECAYING_AVERAGE", Map.of(), 2, List.of()));
        awaitCompetencyKnown(competency, student);
        Instant t = Instant.parse("2026-10-01T09:00:00Z");
        evidence(student, "evd-" + student + "-1", competency, 2, t, "FORMATIVE", null);
        evidence(student, "evd-" + student + "-2", competency, 2, t.plusSeconds(3600), "FORMATIVE", null);
        awaitProgression(student, p -> competencyOf(p, competency) != null
                && "IN_PROGRESS".equals(competencyOf(p, competency).path("state").asText()));

        String path = "/api/students/" + student + "/competencies/" + competency + "/override";
        Map<String, Object> body = Map.of("state", "MASTERED", "reasonCode", "OBSERVED_IN_CLASS",
                "reason", "Showed it reliably in three class discussions", "expiresAt", Instant.now().plusSeconds(5).toString());
        assertThat(send(HttpMethod.POST, path, body, bearer(student, "STUDENT")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.POST, path, body, bearer("tch-x", "TEACHER")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send(HttpMethod.POST, path, body, bearer("aud-1", "AUDITOR")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> invalid = send(HttpMethod.POST, path, Map.of("state", "DONE", "reasonCode", "x", "reason", ""),
                bearer("tch-o", "TEACHER"));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().path("detail").asText()).contains("state").contains("reason");

        ResponseEntity<JsonNode> applied = send(HttpMethod.POST, path, body, bearer("tch-o", "TEACHER"));
        assertThat(applied.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String overrideId = applied.getBody().path("overrideId").asText();
        assertThat(texts.find(overrideId)).hasValueSatisfying(text -> assertThat(text.body()).contains("three class discussions"));
        // an override (or its expiry) and the decision it brings are stored together, but the view may
        // take them in two batches of its processor: wait for both
        JsonNode overridden = awaitProgression(student, p -> overrideId.equals(competencyOf(p, competency).path("overrideId").asText())
                && "MASTERED".equals(competencyOf(p, competency).path("state").asText()));
        assertThat(competencyOf(overridden, competency).path("state").asText()).isEqualTo("MASTERED");

        // the expiry is stored, not held in memory: the sweep finds it once due and the calculated state returns
        awaitTrue(() -> !jdbc.queryForList("SELECT override_id FROM override_expiry WHERE override_id = ?", String.class, overrideId).isEmpty());
        clock.advance(Duration.ofMinutes(5));
        assertThat(expiries.sweep()).isGreaterThanOrEqualTo(1);
        JsonNode back = awaitProgression(student, p -> (competencyOf(p, competency).path("overrideId").isMissingNode()
                || competencyOf(p, competency).path("overrideId").isNull())
                && !"MASTERED".equals(competencyOf(p, competency).path("state").asText()));
        assertThat(competencyOf(back, competency).path("state").asText()).isEqualTo("IN_PROGRESS");
        awaitTrue(() -> jdbc.queryForList("SELECT override_id FROM override_expiry WHERE override_id = ?", String.class, overrideId).isEmpty());
    }

    @Test
    void goalsReflectionsAndPeerTutoringAreTheStudentsOwn() {
        String student = id("stu");
        String competency = id("cmp");
        enroll(student, id("cls"), "tch-g");
        define(competency(competency, 1, "LATEST", Map.of(), 1, List.of()));
        awaitCompetencyKnown(competency, student);
        String goals = "/api/students/" + student + "/goals";
        Map<String, Object> goal = Map.of("competencyId", competency, "targetDate", LocalDate.now().plusDays(30).toString(),
                "note", "I want to explain ratios to my brother");
        assertThat(send(HttpMethod.POST, goals, goal, bearer("tch-g", "TEACHER")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> past = send(HttpMethod.POST, goals, Map.of("competencyId", competency, "targetDate", "2020-01-01"),
                bearer(student, "STUDENT"));
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(past.getBody().path("detail").asText()).contains("targetDate");
        assertThat(send(HttpMethod.POST, goals, Map.of("competencyId", "no-such-" + competency, "targetDate",
                LocalDate.now().plusDays(3).toString()), bearer(student, "STUDENT")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> set = send(HttpMethod.POST, goals, goal, bearer(student, "STUDENT"));
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String goalId = set.getBody().path("goalId").asText();

        ResponseEntity<JsonNode> reflected = send(HttpMethod.POST, "/api/students/" + student + "/reflections",
                Map.of("competencyId", competency, "text", "Tables helped me see the pattern"), bearer(student, "STUDENT"));
        assertThat(reflected.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(send(HttpMethod.POST, "/api/students/" + student + "/reflections", Map.of("text", " "),
                bearer(student, "STUDENT")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> mine = get("/api/students/" + student + "/reflections", bearer(student, "STUDENT"));
        assertThat(mine.getStatusCode()).as("%s", mine.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(mine.getBody().toString()).contains("Tables helped me see the pattern");
        assertThat(get("/api/students/" + student + "/reflections", bearer("tch-g", "TEACHER")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send(HttpMethod.PUT, "/api/students/" + student + "/peer-tutoring", Map.of("optedIn", true),
                bearer(student, "STUDENT")).getStatusCode()).isEqualTo(HttpStatus.OK);

        // next steps: the goal's competency comes first, with the resources of the first phase
        JsonNode steps = awaitNextSteps(student, s -> s.size() > 0);
        assertThat(steps.get(0).path("competencyId").asText()).isEqualTo(competency);
        assertThat(steps.get(0).path("resources").get(0).path("kind").asText()).isEqualTo("VIDEO");

        // mastering the competency achieves the goal
        evidence(student, "evd-" + student + "-1", competency, 4, Instant.parse("2026-10-02T09:00:00Z"), "FORMATIVE", null);
        JsonNode done = awaitProgression(student, p -> p.path("goals").size() == 1 && p.path("goals").get(0).path("achieved").asBoolean());
        assertThat(done.path("goals").get(0).path("goalId").asText()).isEqualTo(goalId);
        assertThat(done.path("reflections").asInt()).isEqualTo(1);
        assertThat(done.path("peerTutor").asBoolean()).isTrue();

        // erasure forgets the texts, not the journey
        FEED.send(RosterTopics.ENROLLMENTS, student, PersonalDataErased.TYPE, student,
                new PersonalDataErased(student, "STUDENT", Instant.now()));
        awaitTrue(() -> texts.ofStudent(student, JourneyTexts.Kind.REFLECTION).isEmpty() && texts.find(goalId).isEmpty());
        assertThat(progression(student).path("goals")).hasSize(1);
    }

    @Test
    void nextStepsFollowThePrerequisiteGraph() {
        String student = id("stu");
        String base = id("cmp-base");
        String next = id("cmp-next");
        define(competency(base, 1, "LATEST", Map.of(), 1, List.of()));
        define(competency(next, 1, "LATEST", Map.of(), 1, List.of(base)));
        awaitCompetencyKnown(next, student);
        evidence(student, "evd-" + student + "-1", base, 2, Instant.parse("2026-10-01T09:00:00Z"), "FORMATIVE", null);
        JsonNode before = awaitNextSteps(student, s -> s.size() == 1);
        assertThat(before.get(0).path("competencyId").asText()).isEqualTo(base);
        assertThat(before.get(0).path("phaseId").asText()).isEqualTo("ph-grow");
        evidence(student, "evd-" + student + "-2", base, 4, Instant.parse("2026-10-02T09:00:00Z"), "FORMATIVE", null);
        JsonNode after = awaitNextSteps(student, s -> s.size() == 1 && next.equals(s.get(0).path("competencyId").asText()));
        assertThat(after.get(0).path("prerequisiteDepth").asInt()).isEqualTo(1);
        assertThat(progression(student).path("unlocked").toString()).contains(next);
    }

    private JsonNode awaitNextSteps(String student, java.util.function.Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get("/api/students/" + student + "/next-steps", bearer(student, "STUDENT")).getBody();
            if (last != null && condition.test(last)) {
                return last;
            }
            pause(150);
        }
        throw new AssertionError("next steps never met the condition; last: " + last);
    }

    /** A competency is known locally once a goal on it is no longer refused with 404 (probed with an admin token). */
    private void awaitCompetencyKnown(String competency, String student) {
        awaitTrue(() -> get("/api/students/" + student + "/next-steps", bearer("admin-1", "ADMIN")).getStatusCode().is2xxSuccessful()
                && catalogKnows(competency));
    }

    @Autowired
    org.mastery.progression.catalog.query.CatalogViews catalog;

    private boolean catalogKnows(String competency) {
        return catalog.competency(competency).isPresent();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            pause(150);
        }
    }
}

package org.mastery.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.contracts.assessment.EvidenceRecorded;
import org.mastery.contracts.roster.LeaderAssigned;
import org.mastery.contracts.roster.RosterTopics;
import org.mastery.kit.inbound.InboundEvent;
import org.mastery.reporting.support.JsonLdStructureCheck;
import org.mastery.reporting.support.Scenario;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Every role's view, built from events fed to the real broker, and who may read which. */
class ViewsOverKafkaTest extends ReportingIntegrationTest {

    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    static final Scenario S = new Scenario(SUFFIX, Instant.parse("2026-09-01T08:00:00Z"));
    static final String LEADER = "ldr-" + SUFFIX;
    static final String DISTRICT_LEADER = "ldr-d-" + SUFFIX;
    static List<InboundEvent> events;

    @BeforeAll
    static void feedTheScenario() {
        var streams = S.events();
        streams.add(RosterTopics.ORGANIZATIONS, S.school, LeaderAssigned.TYPE, new LeaderAssigned(S.school, LEADER));
        streams.add(RosterTopics.ORGANIZATIONS, S.district, LeaderAssigned.TYPE, new LeaderAssigned(S.district, DISTRICT_LEADER));
        events = streams.events();
        feed(events);
    }

    String teacher() {
        return token(S.teacher, "TEACHER");
    }

    ResponseEntity<JsonNode> trackerOfA() {
        return await("/api/reports/students/" + S.studentA, teacher(), r -> r.getStatusCode() == HttpStatus.OK
                && r.getBody().path("competencies").toString().contains("MASTERED")
                && r.getBody().path("reflections").path("count").asInt() == 1
                && r.getBody().path("peerTutor").asBoolean());
    }

    @Test
    void theTrackerShowsEveryCompetencyWithStateScoresGoalsReflectionsAndNextSteps() {
        JsonNode tracker = trackerOfA().getBody();
        assertThat(tracker.path("summary").path("competencies").asInt()).isEqualTo(3);
        JsonNode c1 = tracker.path("competencies").get(0);
        assertThat(c1.path("competencyId").asText()).isEqualTo(S.c1);
        assertThat(c1.path("state").asText()).isEqualTo("MASTERED");
        assertThat(c1.path("iCan").asText()).isEqualTo("I can do RP.1." + SUFFIX);
        assertThat(c1.path("masteryLooksLike").asText()).startsWith("Solves");
        assertThat(c1.path("scores")).hasSize(2);
        assertThat(c1.path("scores").get(0).path("observedAt").asText()).isNotBlank();
        assertThat(c1.path("valueHistory")).hasSize(3);
        assertThat(tracker.path("goals").get(0).path("competencyId").asText()).isEqualTo(S.c2);
        assertThat(tracker.path("reflections").path("dates")).hasSize(1);
        assertThat(tracker.path("nextSteps").get(0).path("competencyId").asText()).isEqualTo(S.c2);
        assertThat(tracker.path("credits").get(0).path("title").asText()).isEqualTo("Ratios module");
    }

    @Test
    void theStudentTheirGuardianTheirTeacherAndAuditorsReadTheTrackerAndNobodyElse() {
        trackerOfA();
        String path = "/api/reports/students/" + S.studentA;
        assertThat(get(path, token(S.studentA, "STUDENT")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(path, token(S.guardian, "GUARDIAN")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(path, token("aud-1", "AUDITOR")).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> classmate = get(path, token(S.studentB, "STUDENT"));
        ResponseEntity<JsonNode> otherTeacher = get(path, token("tch-other", "TEACHER"));
        ResponseEntity<JsonNode> leader = get(path, token(LEADER, "LEADER"));
        ResponseEntity<JsonNode> unknown = get("/api/reports/students/stu-nobody-" + SUFFIX, token("aud-1", "AUDITOR"));
        for (ResponseEntity<JsonNode> refused : List.of(classmate, otherTeacher, leader, unknown)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        // a denied read looks exactly like a read of nothing
        assertThat(classmate.getBody().path("title")).isEqualTo(unknown.getBody().path("title"));
        assertThat(get(path, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theClassMapIsStudentsByCompetenciesSortableByCompetency() {
        trackerOfA();
        String path = "/api/reports/classes/" + S.classId + "/mastery-map?sortBy=" + S.c1 + "&order=desc";
        JsonNode map = await(path, teacher(), r -> r.getStatusCode() == HttpStatus.OK && r.getBody().path("students").size() == 2).getBody();
        assertThat(map.path("competencies")).extracting(c -> c.path("competencyId").asText()).containsExactly(S.c1, S.c2, S.c3);
        assertThat(map.path("students").get(0).path("studentId").asText()).isEqualTo(S.studentA);
        assertThat(map.path("students").get(0).path("cells").path(S.c1).path("state").asText()).isEqualTo("MASTERED");
        assertThat(map.path("students").get(0).path("cells").path(S.c1).path("evidenceCount").asInt()).isEqualTo(2);
        assertThat(map.path("students").get(1).path("cells").path(S.c2).path("phaseLabel").asText()).isEqualTo("Exploring");
        JsonNode ascending = get("/api/reports/classes/" + S.classId + "/mastery-map?sortBy=" + S.c1 + "&order=asc", teacher()).getBody();
        assertThat(ascending.path("students").get(0).path("studentId").asText()).isEqualTo(S.studentB);

        ResponseEntity<JsonNode> badSort = get("/api/reports/classes/" + S.classId + "/mastery-map?sortBy=nonsense", teacher());
        assertThat(badSort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badSort.getBody().path("detail").asText()).contains("sortBy");
        assertThat(get("/api/reports/classes/" + S.classId + "/mastery-map", token("tch-other", "TEACHER")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/reports/classes/" + S.classId + "/mastery-map", token(S.studentA, "STUDENT")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void interventionGroupsAndPeerTutors() {
        trackerOfA();
        JsonNode interventions = await("/api/reports/classes/" + S.classId + "/interventions", teacher(),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().path("groups").size() == 1).getBody();
        assertThat(interventions.path("groups").get(0).path("grouping").asText()).isEqualTo("INDIVIDUAL");
        assertThat(interventions.path("groups").get(0).path("members").get(0).path("studentId").asText()).isEqualTo(S.studentB);

        JsonNode tutors = get("/api/reports/classes/" + S.classId + "/peer-tutors?competency=" + S.c1, teacher()).getBody();
        assertThat(tutors.path("tutors")).extracting(t -> t.path("studentId").asText()).containsExactly(S.studentA);
        JsonNode none = get("/api/reports/classes/" + S.classId + "/peer-tutors?competency=" + S.c2, teacher()).getBody();
        assertThat(none.path("tutors")).isEmpty();
        ResponseEntity<JsonNode> missing = get("/api/reports/classes/" + S.classId + "/peer-tutors", teacher());
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aGuardianSeesOnlyTheirChildInPlainLanguage() {
        trackerOfA();
        JsonNode view = get("/api/reports/guardians/" + S.guardian + "/children", token(S.guardian, "GUARDIAN")).getBody();
        assertThat(view.path("children")).extracting(c -> c.path("studentId").asText()).containsExactly(S.studentA);
        JsonNode child = view.path("children").get(0);
        assertThat(child.path("headline").asText()).isEqualTo("Has mastered 1 of 3 skills so far.");
        assertThat(child.path("skills").get(0).path("status").asText()).isEqualTo("Mastered");
        assertThat(child.path("skills").get(0).path("skill").asText()).isEqualTo("I can do RP.1." + SUFFIX);
        assertThat(child.path("comingNext").get(0).asText()).isEqualTo("I can do RP.2." + SUFFIX);
        assertThat(get("/api/reports/guardians/" + S.guardian + "/children", token("grd-other", "GUARDIAN")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/reports/guardians/" + S.guardian + "/children", token(S.teacher, "TEACHER")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theTranscriptInJsonAndAsAClrCredential() {
        trackerOfA();
        String path = "/api/reports/students/" + S.studentA + "/transcript";
        JsonNode transcript = await(path, token(S.studentA, "STUDENT"), r -> r.getStatusCode() == HttpStatus.OK
                && r.getBody().path("mastered").size() == 1).getBody();
        assertThat(transcript.path("mastered").get(0).path("code").asText()).isEqualTo("RP.1." + SUFFIX);
        assertThat(transcript.path("totals").path("creditsEarned").asDouble()).isEqualTo(0.5);
        ResponseEntity<JsonNode> clr = get(path + "?format=clr", token(S.studentA, "STUDENT"));
        assertThat(clr.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(clr.getHeaders().getContentType().toString()).startsWith("application/ld+json");
        assertThat(JsonLdStructureCheck.violations(clr.getBody())).isEmpty();
        assertThat(get(path + "/clr", token(S.guardian, "GUARDIAN")).getBody()).isNotNull();
        assertThat(get(path + "?format=pdf", token(S.studentA, "STUDENT")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get(path, token(S.studentB, "STUDENT")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void leadersSeeTheirSchoolAndDistrictWithSmallGroupsSuppressed() {
        trackerOfA();
        JsonNode school = await("/api/reports/schools/" + S.school + "/summary", token(LEADER, "LEADER"),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().path("competencies").size() >= 2).getBody();
        // two students: every figure is about fewer than ten
        assertThat(school.path("students").asText()).isEqualTo("<10");
        assertThat(school.path("overallMasteryRate").asText()).isEqualTo("<10");
        assertThat(school.path("competencies").get(0).path("masteryRate").asText()).isEqualTo("<10");
        assertThat(school.toString()).doesNotContain(S.studentA).doesNotContain(S.studentB);
        JsonNode district = get("/api/reports/districts/" + S.district + "/summary", token(DISTRICT_LEADER, "LEADER")).getBody();
        assertThat(district.path("schools").get(0).path("schoolId").asText()).isEqualTo(S.school);
        assertThat(district.path("schools").get(0).path("students").asText()).isEqualTo("<10");
        // the district leader reads the district's schools; the school leader not the district
        assertThat(get("/api/reports/schools/" + S.school + "/summary", token(DISTRICT_LEADER, "LEADER")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/reports/districts/" + S.district + "/summary", token(LEADER, "LEADER")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/reports/schools/" + S.school + "/summary", token(S.teacher, "TEACHER")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aRedeliveredEventCountsOnceAndANewOneCounts() {
        trackerOfA();
        InboundEvent first = events.stream().filter(e -> e.type().equals(EvidenceRecorded.TYPE)).findFirst().orElseThrow();
        feed(List.of(first)); // the same CloudEvent id again
        Instant at = Instant.parse("2026-10-01T10:00:00Z");
        feeder().send(AssessmentTopics.EVIDENCE, S.studentA, "ev-new-" + SUFFIX, EvidenceRecorded.TYPE, S.studentA,
                new EvidenceRecorded("ev-new-" + SUFFIX, S.studentA, S.c3, 2.0, "PROJECT", "FORMATIVE", S.assessment, null, null,
                        S.teacher, at, at, null));
        JsonNode tracker = await("/api/reports/students/" + S.studentA, teacher(), r -> r.getBody().path("competencies").get(2)
                .path("evidenceCount").asInt() == 1).getBody();
        assertThat(tracker.path("competencies").get(0).path("evidenceCount").asInt()).isEqualTo(2);
        assertThat(tracker.path("competencies").get(0).path("scores")).hasSize(2);
    }

    @Test
    void eventsArrivingOutOfOrderAcrossTopicsEndInTheSameViews() {
        Scenario late = new Scenario("late-" + SUFFIX, Instant.parse("2026-09-01T08:00:00Z"));
        List<InboundEvent> all = late.events().events();
        List<InboundEvent> reordered = new ArrayList<>();
        for (String prefix : List.of("progression.", "assessment.", "roster.", "curriculum.")) {
            all.stream().filter(e -> e.topic().startsWith(prefix)).forEach(reordered::add);
        }
        feed(reordered);
        JsonNode tracker = await("/api/reports/students/" + late.studentA, token(late.teacher, "TEACHER"),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().path("competencies").size() == 3
                        && "RP.1.late-" .concat(SUFFIX).equals(r.getBody().path("competencies").get(0).path("code").asText())).getBody();
        assertThat(tracker.path("competencies").get(0).path("state").asText()).isEqualTo("MASTERED");
        JsonNode map = await("/api/reports/classes/" + late.classId + "/mastery-map", token(late.teacher, "TEACHER"),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().path("students").size() == 2).getBody();
        assertThat(map.path("students").get(0).path("cells").path(late.c1).path("state").asText()).isEqualTo("MASTERED");
    }
}

package org.mastery.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.assessment.IntegrationTest;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.bola.BolaMatrix;
import org.mastery.testsupport.bola.Cell;
import org.mastery.testsupport.bola.RosterFixture;
import org.mastery.testsupport.bola.Side;
import org.mastery.testsupport.http.ApiEndpoints;
import org.mastery.testsupport.http.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Object-level authorization of every assessment endpoint × every role × own/other object (SPEC §4,
 * issue 6). Side A: student A, their guardian, their teacher (who also authored assessment A), the
 * district leader; side B: student B and teacher B's assessment. The roster is fed on the roster topics
 * as curriculum publishes it; actions that can succeed only once (start, submit, score, void, retire)
 * get fresh objects per cell.
 */
class BolaMatrixTest extends IntegrationTest {

    static final RosterFixture ROSTER = RosterFixture.create();
    static final String ADMIN = TestIdentity.token(ROSTER.admin, "ADMIN");
    static volatile Fixture fixture;

    /** Objects made through the API once. */
    record Fixture(String competency, String quizA, String quizB, String rubric, String attemptA, String attemptB, String activity) {
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        ROSTER.feed(feeder());
        await("the roster's access facts", () -> access.policy().canTeachStudent(Viewer.of(ROSTER.teacherA, Role.TEACHER), ROSTER.studentA)
                && access.policy().canTeachStudent(Viewer.of(ROSTER.teacherB, Role.TEACHER), ROSTER.studentB)
                && access.policy().canReadStudent(Viewer.of(ROSTER.guardianA, Role.GUARDIAN), ROSTER.studentA)
                && access.policy().canReadStudent(Viewer.of(ROSTER.guardianB, Role.GUARDIAN), ROSTER.studentB)
                && access.policy().canReadOrganization(Viewer.of(ROSTER.leaderA, Role.LEADER), ROSTER.schoolA));
        String competency = competency("PUBLISHED");
        String quizA = quiz(teacherToken(ROSTER.teacherA), "FORMATIVE", List.of(competency), 2, null).path("assessmentId").asText();
        String quizB = quiz(teacherToken(ROSTER.teacherB), "FORMATIVE", List.of(competency), 2, null).path("assessmentId").asText();
        String rubric = task(ADMIN, "FORMATIVE", "PERFORMANCE_TASK", List.of(competency)).path("assessmentId").asText();
        // each student has an attempt awaiting scoring, in their teacher's queue
        String attemptA = submitted(ROSTER.studentA, rubric);
        String attemptB = submitted(ROSTER.studentB, rubric);
        String activity = "https://tools.example.org/bola/" + UUID.randomUUID();
        ResponseEntity<JsonNode> mapping = put("/api/xapi/activity-mappings", Map.of("activityId", activity, "assessmentId", quizA), ADMIN);
        assertThat(mapping.getStatusCode().value()).as("%s", mapping.getBody()).isEqualTo(200);
        for (String attempt : List.of(attemptA, attemptB)) {
            getUntil("/api/attempts/" + attempt, ADMIN, r -> r.getStatusCode().value() == 200);
        }
        getUntil("/api/attempts/scoring-queue?classId=" + ROSTER.classA, ADMIN, r -> r.getBody().toString().contains(attemptA));
        getUntil("/api/attempts/scoring-queue?classId=" + ROSTER.classB, ADMIN, r -> r.getBody().toString().contains(attemptB));
        fixture = new Fixture(competency, quizA, quizB, rubric, attemptA, attemptB, activity);
        return fixture;
    }

    String started(String student, String assessment) {
        ResponseEntity<JsonNode> started = post("/api/attempts", Map.of("studentId", student, "assessmentId", assessment), ADMIN);
        assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(201);
        return started.getBody().path("attemptId").asText();
    }

    String submitted(String student, String assessment) {
        String attempt = started(student, assessment);
        ResponseEntity<JsonNode> submitted = post("/api/attempts/" + attempt + "/submit",
                Map.of("evidenceUris", List.of("https://portfolio.example.org/work/1")), ADMIN);
        assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isEqualTo(200);
        return attempt;
    }

    String scored(String student, String assessment) {
        String attempt = submitted(student, assessment);
        ResponseEntity<JsonNode> scored = post("/api/attempts/" + attempt + "/score",
                Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 2))), ADMIN);
        assertThat(scored.getStatusCode().value()).as("%s", scored.getBody()).isEqualTo(200);
        return attempt;
    }

    String freshQuiz() {
        return quiz(ADMIN, "FORMATIVE", List.of(fixture().competency()), 2, null).path("assessmentId").asText();
    }

    String freshRubric() {
        return task(ADMIN, "FORMATIVE", "PERFORMANCE_TASK", List.of(fixture().competency())).path("assessmentId").asText();
    }

    /** A fresh assessment authored by the side's teacher. */
    Map<String, String> authoredBySide(Cell cell) {
        String author = cell.side() == Side.OWN ? ROSTER.teacherA : ROSTER.teacherB;
        return Map.of("assessment", quiz(teacherToken(author), "FORMATIVE", List.of(fixture().competency()), 1, null)
                .path("assessmentId").asText());
    }

    BolaMatrix matrix() {
        Fixture f = fixture();
        BolaMatrix matrix = BolaMatrix.against(RawHttp.localhost(port), ROSTER.world()
                .object("assessment", f.quizA(), f.quizB())
                .object("attempt", f.attemptA(), f.attemptB())
                .shared("rubric", f.rubric())
                .shared("quiz", f.quizA())
                .shared("competency", f.competency())
                .secret(f.attemptB()));
        String authors = "STUDENT 403 | GUARDIAN 403 | TEACHER 2xx | LEADER 403 | AUDITOR 403 | ADMIN 2xx";
        String studentOrTeacher = "STUDENT 2xx/404 | GUARDIAN 403/404 | TEACHER 2xx/404 | LEADER 404 | AUDITOR 403 | ADMIN 2xx";
        String teacherOnly = "STUDENT 403/404 | GUARDIAN 403/404 | TEACHER 2xx/404 | LEADER 404 | AUDITOR 403 | ADMIN 2xx";
        String teachersByBody = "STUDENT 403 | GUARDIAN 403 | TEACHER 2xx/404 | LEADER 403 | AUDITOR 403 | ADMIN 2xx";

        matrix.post("/api/assessments").noObject()
                .body(c -> Map.of("title", "Ratios check", "type", "FORMATIVE", "method", "SELECTED_RESPONSE", "scoring", "ANSWER_KEY",
                        "competencyIds", List.of(c.id("competency")), "forms", List.of(Map.of("formId", "F1", "items",
                                List.of(Map.of("itemId", "q1", "competencyId", c.id("competency"), "answerKey", List.of("A")))))))
                .expect(authors);
        matrix.get("/api/assessments/{assessment}")
                .expect("STUDENT 2xx | GUARDIAN 2xx | TEACHER 2xx | LEADER 2xx | AUDITOR 2xx | ADMIN 2xx")
                .because("assessments are curriculum, not student data: anyone signed in reads them, questions only staff");
        matrix.post("/api/assessments/{assessment}/retire").prepare(this::authoredBySide)
                .expect("STUDENT 403 | GUARDIAN 403 | TEACHER 2xx/403 | LEADER 403 | AUDITOR 403 | ADMIN 2xx")
                .because("only the author or an administrator");
        matrix.post("/api/attempts").object("student")
                .prepare(c -> Map.of("quiz", freshQuiz()))
                .body(c -> Map.of("studentId", c.id("student"), "assessmentId", c.id("quiz")))
                .expect(studentOrTeacher);
        matrix.post("/api/attempts/{attempt}/submit")
                .prepare(c -> Map.of("attempt", started(c.id("student"), freshQuiz())))
                .body(c -> Map.of("responses", List.of(Map.of("itemId", "q1", "response", "A"))))
                .expect(studentOrTeacher);
        matrix.post("/api/attempts/{attempt}/score")
                .prepare(c -> Map.of("attempt", submitted(c.id("student"), freshRubric())))
                .body(c -> Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 3))))
                .expect(teacherOnly);
        matrix.post("/api/attempts/{attempt}/rescore")
                .prepare(c -> Map.of("attempt", scored(c.id("student"), freshRubric())))
                .body(c -> Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 4)), "reasonCode", "SCORING_ERROR"))
                .expect(teacherOnly);
        matrix.post("/api/attempts/{attempt}/void")
                .prepare(c -> Map.of("attempt", started(c.id("student"), freshQuiz())))
                .body(c -> Map.of("reasonCode", "ADMINISTRATION_ERROR"))
                .expect(teacherOnly);
        matrix.get("/api/attempts/{attempt}")
                .expect("STUDENT 2xx/404 | GUARDIAN 2xx/404 | TEACHER 2xx/404 | LEADER 404 | AUDITOR 2xx | ADMIN 2xx");
        matrix.get("/api/attempts/scoring-queue?classId={class}")
                .expect("STUDENT 403 | GUARDIAN 403 | TEACHER 2xx/404 | LEADER 403 | AUDITOR 2xx | ADMIN 2xx");
        matrix.get("/api/attempts/scoring-queue").noObject()
                .expect("STUDENT 403 | GUARDIAN 403 | TEACHER 2xx | LEADER 403 | AUDITOR 400 | ADMIN 400")
                .because("a teacher's own queue: the students of their classes only; others must name the class");
        matrix.post("/api/assessments/{rubric}/observations").object("student")
                .body(c -> Map.of("observations", List.of(Map.of("studentId", c.id("student"),
                        "criteria", List.of(Map.of("criterionId", "c1", "level", 3))))))
                .expect(teachersByBody);
        matrix.post("/api/xapi/statements").object("student")
                .body(c -> Map.of("id", UUID.randomUUID().toString(),
                        "actor", Map.of("objectType", "Agent", "account", Map.of("homePage", "https://sis.example.org", "name", c.id("student"))),
                        "verb", Map.of("id", "http://adlnet.gov/expapi/verbs/completed"),
                        "object", Map.of("objectType", "Activity", "id", f.activity()),
                        "result", Map.of("score", Map.of("scaled", 0.8)),
                        "timestamp", "2026-11-20T09:41:00.000Z"))
                .expect(teachersByBody);
        matrix.put("/api/xapi/activity-mappings").noObject()
                .body(c -> Map.of("activityId", "https://tools.example.org/bola/" + UUID.randomUUID(), "assessmentId", c.id("quiz")))
                .expect("STUDENT 403 | GUARDIAN 403 | TEACHER 403 | LEADER 403 | AUDITOR 403 | ADMIN 2xx");
        matrix.get("/api/xapi/activity-mappings").noObject()
                .expect("STUDENT 403 | GUARDIAN 403 | TEACHER 2xx | LEADER 403 | AUDITOR 2xx | ADMIN 2xx");
        return matrix;
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointEveryRoleOwnAndOtherObject() {
        return matrix().tests();
    }

    @Test
    void theMatrixListsEveryEndpointOfTheService() {
        matrix().assertCovers(ApiEndpoints.of(mappings));
    }
}

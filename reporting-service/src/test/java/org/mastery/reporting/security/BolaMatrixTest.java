package org.mastery.reporting.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.contracts.assessment.EvidenceRecorded;
import org.mastery.contracts.curriculum.CompetencyDefined;
import org.mastery.contracts.curriculum.CourseDefined;
import org.mastery.contracts.curriculum.CourseDefinition;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.curriculum.FrameworkDrafted;
import org.mastery.reporting.ReportingIntegrationTest;
import org.mastery.reporting.projection.query.ReadModels;
import org.mastery.reporting.support.Scenario;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.bola.BolaMatrix;
import org.mastery.testsupport.bola.RosterFixture;
import org.mastery.testsupport.http.ApiEndpoints;
import org.mastery.testsupport.http.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Object-level authorization of every reporting endpoint × every role × own/other object (SPEC §4,
 * issue 6): student views for the student, their guardians, their teachers, auditors and admins; class
 * views for the class's teachers; roll-ups for leaders of the school or district, never an individual
 * student; audit for auditors and admins; the access log for the student, guardians, auditors and admins.
 * The roster, a course, a competency and evidence for both students are fed on the topics as the
 * producers publish them.
 */
class BolaMatrixTest extends ReportingIntegrationTest {

    static final RosterFixture ROSTER = RosterFixture.create();
    static final String COMPETENCY = "cmp-bola-" + ROSTER.suffix;
    static final String FRAMEWORK_A = "fw-a-" + ROSTER.suffix;
    static final String FRAMEWORK_B = "fw-b-" + ROSTER.suffix;
    static final String ADMIN = TestIdentity.token(ROSTER.admin, "ADMIN");
    static volatile boolean ready;

    @LocalServerPort
    int port;
    @Autowired
    AccessGuard access;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    void world() {
        if (ready) {
            return;
        }
        ROSTER.feed(feeder());
        feeder().send(CurriculumTopics.FRAMEWORKS, "fw-bola", CompetencyDefined.TYPE, null,
                new CompetencyDefined(Scenario.competency(COMPETENCY, 1, "BOLA." + ROSTER.suffix, List.of())));
        feeder().send(CurriculumTopics.COURSES, ROSTER.courseId, CourseDefined.TYPE, null, new CourseDefined(
                new CourseDefinition(ROSTER.courseId, 1, "M6-" + ROSTER.suffix, "Math 6", "Mathematics", 1.0, List.of(COMPETENCY))));
        for (String framework : List.of(FRAMEWORK_A, FRAMEWORK_B)) {
            feeder().send(CurriculumTopics.FRAMEWORKS, framework, FrameworkDrafted.TYPE, null,
                    new FrameworkDrafted(framework, 1, "Ratios", "Mathematics", "6-7", null, "tch-author"));
        }
        Instant at = Instant.parse("2026-10-01T09:00:00Z");
        for (String student : List.of(ROSTER.studentA, ROSTER.studentB)) {
            feeder().send(AssessmentTopics.EVIDENCE, student, EvidenceRecorded.TYPE, student, new EvidenceRecorded("ev-bola-" + student,
                    student, COMPETENCY, 2.0, "SELECTED_RESPONSE", "FORMATIVE", "asm-bola", "att-bola-" + student, null, "auto", at,
                    at.plusSeconds(5), null));
            STUBS.histories.put(student, history(student));
            ObjectNode verdict = ReadModels.JSON.createObjectNode();
            verdict.put("verified", true);
            verdict.put("eventsChecked", 1);
            verdict.put("decisionsChecked", 0);
            verdict.putArray("mismatches");
            STUBS.verdicts.put(student, verdict);
        }
        await("the access facts", () -> access.policy().canTeachStudent(Viewer.of(ROSTER.teacherA, Role.TEACHER), ROSTER.studentA)
                && access.policy().canReadStudent(Viewer.of(ROSTER.guardianB, Role.GUARDIAN), ROSTER.studentB)
                && access.policy().canReadOrganization(Viewer.of(ROSTER.leaderA, Role.LEADER), ROSTER.schoolA));
        for (String path : List.of("/api/reports/students/" + ROSTER.studentA, "/api/reports/students/" + ROSTER.studentB,
                "/api/reports/students/" + ROSTER.studentA + "/transcript", "/api/reports/students/" + ROSTER.studentB + "/transcript",
                "/api/reports/classes/" + ROSTER.classA + "/mastery-map", "/api/reports/classes/" + ROSTER.classB + "/mastery-map",
                "/api/reports/schools/" + ROSTER.schoolA + "/summary", "/api/reports/schools/" + ROSTER.schoolB + "/summary",
                "/api/reports/districts/" + ROSTER.districtA + "/summary", "/api/reports/districts/" + ROSTER.districtB + "/summary",
                "/api/reports/frameworks/" + FRAMEWORK_A, "/api/reports/frameworks/" + FRAMEWORK_B)) {
            await(path, ADMIN, r -> r.getStatusCode() == HttpStatus.OK, Duration.ofSeconds(60));
        }
        await("/api/reports/classes/" + ROSTER.classA + "/mastery-map", ADMIN,
                r -> r.getBody().path("students").toString().contains(ROSTER.studentA));
        ready = true;
    }

    static ObjectNode history(String student) {
        ObjectNode history = ReadModels.JSON.createObjectNode();
        history.put("studentId", student);
        var entry = history.putArray("entries").addObject();
        entry.put("sequence", 0);
        entry.put("eventId", "evt-" + student);
        entry.put("type", "EvidenceAccepted");
        entry.put("occurredAt", "2026-10-01T09:00:05Z");
        entry.putObject("data").put("competencyId", COMPETENCY);
        entry.put("hash", "a".repeat(64));
        entry.putNull("previousHash");
        return history;
    }

    void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            sleep(50);
        }
    }

    BolaMatrix matrix() {
        world();
        BolaMatrix matrix = BolaMatrix.against(RawHttp.localhost(port), ROSTER.world()
                .shared("competency", COMPETENCY)
                .object("framework", FRAMEWORK_A, FRAMEWORK_B));
        String studentViews = "STUDENT 2xx/404 | GUARDIAN 2xx/404 | TEACHER 2xx/404 | LEADER 404 | AUDITOR 2xx | ADMIN 2xx";
        String classViews = "STUDENT 404 | GUARDIAN 404 | TEACHER 2xx/404 | LEADER 404 | AUDITOR 2xx | ADMIN 2xx";
        String rollUps = "STUDENT 404 | GUARDIAN 404 | TEACHER 404 | LEADER 2xx/404 | AUDITOR 2xx | ADMIN 2xx";
        String auditorsOnly = "STUDENT 403 | GUARDIAN 403 | TEACHER 403 | LEADER 403 | AUDITOR 2xx | ADMIN 2xx";

        matrix.get("/api/reports/students/{student}").expect(studentViews);
        matrix.get("/api/reports/students/{student}/transcript").expect(studentViews);
        matrix.get("/api/reports/students/{student}/transcript?format=clr").expect(studentViews);
        matrix.get("/api/reports/students/{student}/transcript/clr").expect(studentViews);
        matrix.get("/api/reports/students/{student}/access-log")
                .expect("STUDENT 2xx/404 | GUARDIAN 2xx/404 | TEACHER 403/404 | LEADER 404 | AUDITOR 2xx | ADMIN 2xx")
                .because("who accessed a record is for the student, their guardians, auditors and admins; their teacher sees the student, so 403");
        matrix.get("/api/reports/classes/{class}/mastery-map").expect(classViews);
        matrix.get("/api/reports/classes/{class}/interventions").expect(classViews);
        matrix.get("/api/reports/classes/{class}/peer-tutors?competency={competency}").expect(classViews);
        matrix.get("/api/reports/guardians/{guardian}/children")
                .expect("STUDENT 404 | GUARDIAN 2xx/404 | TEACHER 404 | LEADER 404 | AUDITOR 2xx | ADMIN 2xx");
        matrix.get("/api/reports/schools/{school}/summary").expect(rollUps);
        matrix.get("/api/reports/districts/{district}/summary").expect(rollUps);
        matrix.get("/api/audit/students/{student}/history").expect(auditorsOnly)
                .because("a role check before any object is looked at: 403 whatever the student");
        matrix.get("/api/audit/students/{student}/verify").expect(auditorsOnly);
        matrix.get("/api/audit/students/{student}/reads").expect(auditorsOnly);
        matrix.get("/api/reports/frameworks/{framework}")
                .expect("STUDENT 2xx | GUARDIAN 2xx | TEACHER 2xx | LEADER 2xx | AUDITOR 2xx | ADMIN 2xx")
                .because("the framework catalog is curriculum, not student data");
        matrix.get("/api/reports/admin/rebuild").noObject()
                .expect("STUDENT 403 | GUARDIAN 403 | TEACHER 403 | LEADER 403 | AUDITOR 403 | ADMIN 2xx");
        // last: an administrator's rebuild empties the views until it has caught up
        matrix.post("/api/reports/admin/rebuild").noObject()
                .expect("STUDENT 403 | GUARDIAN 403 | TEACHER 403 | LEADER 403 | AUDITOR 403 | ADMIN 2xx");
        return matrix;
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointEveryRoleOwnAndOtherObject() {
        return Stream.concat(matrix().tests(), Stream.of(DynamicTest.dynamicTest("the rebuild the matrix started has caught up",
                () -> await("/api/reports/admin/rebuild", ADMIN, r -> !"RUNNING".equals(r.getBody().path("state").asText()),
                        Duration.ofSeconds(120)))));
    }

    @Test
    void theMatrixListsEveryEndpointOfTheService() {
        matrix().assertCovers(ApiEndpoints.of(mappings));
    }
}

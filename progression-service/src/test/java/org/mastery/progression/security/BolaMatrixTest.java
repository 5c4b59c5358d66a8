package org.mastery.progression.security;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.progression.catalog.query.CatalogViews;
import org.mastery.progression.it.ProgressionIntegrationTest;
import org.mastery.progression.journey.query.JourneyAudit;
import org.mastery.testsupport.bola.BolaMatrix;
import org.mastery.testsupport.bola.RosterFixture;
import org.mastery.testsupport.http.ApiEndpoints;
import org.mastery.testsupport.http.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Object-level authorization of every progression endpoint × every role × own/other student (SPEC §4,
 * issue 6): a student only themself, a guardian only their child, a teacher only students of their
 * classes, a leader no individual student, an auditor reads everything and writes nothing. The roster
 * is fed on the roster topics as curriculum publishes it; both students have a journey.
 */
class BolaMatrixTest extends ProgressionIntegrationTest {

    static final RosterFixture ROSTER = RosterFixture.create();
    static final String COMPETENCY = "cmp-bola-" + ROSTER.suffix;
    static volatile boolean ready;

    @LocalServerPort
    int port;
    @Autowired
    AccessGuard access;
    @Autowired
    CatalogViews catalog;
    @Autowired
    JourneyAudit audit;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The roster on the roster topics, a competency, and evidence for both students; waits until applied. */
    void world() {
        if (ready) {
            return;
        }
        ROSTER.feed(FEED);
        define(competency(COMPETENCY, 1, "DECAYING_AVERAGE", Map.of(), 2, List.of()));
        await("the roster's access facts", () -> access.policy().canTeachStudent(Viewer.of(ROSTER.teacherA, Role.TEACHER), ROSTER.studentA)
                && access.policy().canTeachStudent(Viewer.of(ROSTER.teacherB, Role.TEACHER), ROSTER.studentB)
                && access.policy().canReadStudent(Viewer.of(ROSTER.guardianA, Role.GUARDIAN), ROSTER.studentA)
                && access.policy().canReadStudent(Viewer.of(ROSTER.guardianB, Role.GUARDIAN), ROSTER.studentB)
                && access.policy().canReadOrganization(Viewer.of(ROSTER.leaderA, Role.LEADER), ROSTER.schoolA));
        await("the competency", () -> catalog.competency(COMPETENCY).isPresent());
        Instant t = Instant.parse("2026-10-01T09:00:00Z");
        for (String student : List.of(ROSTER.studentA, ROSTER.studentB)) {
            evidence(student, "evd-bola-" + student, COMPETENCY, 2, t, "FORMATIVE", null);
        }
        await("both journeys", () -> audit.exists(ROSTER.studentA) && audit.exists(ROSTER.studentB));
        ready = true;
    }

    BolaMatrix matrix() {
        world();
        BolaMatrix matrix = BolaMatrix.against(RawHttp.localhost(port), ROSTER.world().shared("competency", COMPETENCY));
        String readers = "STUDENT 2xx/404 | GUARDIAN 2xx/404 | TEACHER 2xx/404 | LEADER 404 | AUDITOR 2xx | ADMIN 2xx";
        String theStudentOnly = "STUDENT 2xx/404 | GUARDIAN 403/404 | TEACHER 403/404 | LEADER 404 | AUDITOR 403 | ADMIN 403";
        String auditorsOnly = "STUDENT 403 | GUARDIAN 403 | TEACHER 403 | LEADER 403 | AUDITOR 2xx | ADMIN 2xx";

        matrix.get("/api/students/{student}/progression").expect(readers);
        matrix.get("/api/students/{student}/next-steps").expect(readers);
        matrix.get("/api/students/{student}/replay-check").expect(auditorsOnly)
                .because("a role check before any object is looked at: 403 whatever the student");
        matrix.post("/api/students/{student}/goals")
                .body(c -> Map.of("competencyId", c.id("competency"), "targetDate", LocalDate.now().plusDays(30).toString(),
                        "note", "before the break"))
                .expect(theStudentOnly);
        matrix.post("/api/students/{student}/reflections")
                .body(c -> Map.of("competencyId", c.id("competency"), "text", "I finally see why ratios scale"))
                .expect(theStudentOnly);
        matrix.get("/api/students/{student}/reflections").expect(theStudentOnly)
                .because("reflection texts are the student's own: nobody else reads them, auditors included");
        matrix.put("/api/students/{student}/peer-tutoring").body(c -> Map.of("optedIn", true)).expect(theStudentOnly);
        matrix.post("/api/students/{student}/competencies/{competency}/override")
                .body(c -> Map.of("state", "MASTERED", "reasonCode", "OBSERVED_IN_CLASS", "reason", "Explained it at the board",
                        "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()))
                .expect("STUDENT 403/404 | GUARDIAN 403/404 | TEACHER 2xx/404 | LEADER 404 | AUDITOR 403 | ADMIN 2xx");
        matrix.get("/internal/audit/students/{student}/history").expect(auditorsOnly);
        matrix.get("/internal/audit/students/{student}/verify").expect(auditorsOnly);
        return matrix;
    }

    @TestFactory
    Stream<DynamicNode> everyEndpointEveryRoleOwnAndOtherStudent() {
        return matrix().tests();
    }

    @Test
    void theMatrixListsEveryEndpointOfTheService() {
        matrix().assertCovers(ApiEndpoints.of(mappings));
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            pause(100);
        }
    }
}

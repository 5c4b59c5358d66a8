package org.mastery.curriculum.security;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.curriculum.support.ApiTest;
import org.mastery.testsupport.bola.BolaMatrix;
import org.mastery.testsupport.bola.Cell;
import org.mastery.testsupport.bola.Side;
import org.mastery.testsupport.http.ApiEndpoints;
import org.mastery.testsupport.http.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Object-level authorization of every curriculum endpoint × every role × own/other object (SPEC §4,
 * issue 6): authoring for teachers on their own frameworks and administrators; roster writes for
 * administrators; roster reads by the object-level rules (a student's record for the student, their
 * guardians and teachers; a class for its teachers; an organisation for its leaders); auditors read
 * everything and write nothing. The world is made through the API ({@link CurriculumWorld}).
 */
class BolaMatrixTest extends ApiTest {

    static final String AUDITOR_ID = "aud-" + UUID.randomUUID().toString().substring(0, 8);
    static final String ADMIN_ID = "adm-" + UUID.randomUUID().toString().substring(0, 8);
    static volatile CurriculumWorld world;

    @LocalServerPort
    int port;
    @Autowired
    AccessGuard access;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    CurriculumWorld world() {
        if (world == null) {
            CurriculumWorld w = new CurriculumWorld(RawHttp.localhost(port), token(ADMIN_ID, "ADMIN"))
                    .build(null, id -> token(id, "TEACHER"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!(access.policy().canReadStudent(Viewer.of(w.a.get("guardian"), Role.GUARDIAN), w.a.get("student"))
                    && access.policy().canReadStudent(Viewer.of(w.b.get("guardian"), Role.GUARDIAN), w.b.get("student"))
                    && access.policy().canTeachStudent(Viewer.of(w.a.get("teacher"), Role.TEACHER), w.a.get("student"))
                    && access.policy().canReadOrganization(Viewer.of(w.a.get("leader"), Role.LEADER), w.a.get("school")))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the roster's access facts did not arrive");
                }
                sleep(50);
            }
            for (Map<String, String> side : java.util.List.of(w.a, w.b)) {
                eventuallyOk("/api/frameworks/" + side.get("framework"), ADMIN);
                eventuallyOk("/api/competencies/" + side.get("competency"), ADMIN);
                eventuallyOk("/api/courses/" + side.get("course"), ADMIN);
                eventuallyOk("/api/classes/" + side.get("class"), ADMIN);
                eventuallyOk("/api/roster/organizations/" + side.get("school"), ADMIN);
                eventuallyOk("/api/roster/organizations/" + side.get("district"), ADMIN);
            }
            world = w;
        }
        return world;
    }

    /** A fresh draft framework with one competency, owned by the side's teacher. */
    Map<String, String> draftOfSide(Cell cell) {
        CurriculumWorld w = world();
        String teacher = token((cell.side() == Side.OWN ? w.a : w.b).get("teacher"), "TEACHER");
        String framework = w.framework(teacher);
        w.competency(framework, teacher);
        return Map.of("framework", framework);
    }

    /** A fresh published framework owned by the side's teacher. */
    Map<String, String> publishedOfSide(Cell cell) {
        CurriculumWorld w = world();
        Map<String, String> draft = draftOfSide(cell);
        String teacher = token((cell.side() == Side.OWN ? w.a : w.b).get("teacher"), "TEACHER");
        w.call("POST", "/api/frameworks/" + draft.get("framework") + "/publish", null, teacher, 200);
        return draft;
    }

    BolaMatrix matrix() {
        CurriculumWorld w = world();
        BolaMatrix matrix = BolaMatrix.against(RawHttp.localhost(port), w.world(AUDITOR_ID, ADMIN_ID));
        String everyone = "STUDENT 2xx | GUARDIAN 2xx | TEACHER 2xx | LEADER 2xx | AUDITOR 2xx | ADMIN 2xx";
        String authors = "STUDENT 403 | GUARDIAN 403 | TEACHER 2xx | LEADER 403 | AUDITOR 403 | ADMIN 2xx";
        String ownersAndAdmins = "STUDENT 403 | GUARDIAN 403 | TEACHER 2xx/403 | LEADER 403 | AUDITOR 403 | ADMIN 2xx";
        String administrators = "STUDENT 403 | GUARDIAN 403 | TEACHER 403 | LEADER 403 | AUDITOR 403 | ADMIN 2xx";
        String classReaders = "STUDENT 404 | GUARDIAN 404 | TEACHER 2xx/404 | LEADER 404 | AUDITOR 2xx | ADMIN 2xx";
        String organizationReaders = "STUDENT 404 | GUARDIAN 404 | TEACHER 404 | LEADER 2xx/404 | AUDITOR 2xx | ADMIN 2xx";

        // curriculum: authoring for teachers (their own frameworks) and administrators; reading for anyone signed in
        matrix.post("/api/frameworks").noObject()
                .body(c -> Map.of("title", "Ratios", "subject", "Mathematics", "gradeBand", "6-7")).expect(authors);
        matrix.get("/api/frameworks/{framework}").expect(everyone)
                .because("frameworks are curriculum, not student data: anyone signed in reads them");
        matrix.get("/api/frameworks/{framework}/map").expect(everyone);
        matrix.post("/api/frameworks/{framework}/competencies")
                .body(c -> CurriculumWorld.competencyBody("C-" + UUID.randomUUID().toString().substring(0, 8)))
                .expect(ownersAndAdmins).because("a teacher authors their own drafts only");
        matrix.post("/api/frameworks/{framework}/publish").prepare(this::draftOfSide).expect(ownersAndAdmins);
        matrix.post("/api/frameworks/{framework}/drafts").prepare(this::publishedOfSide).expect(ownersAndAdmins);
        matrix.post("/api/frameworks/{framework}/retire").prepare(this::draftOfSide).expect(ownersAndAdmins);
        matrix.post("/api/frameworks/import/case").object("casePackage")
                .body(c -> CurriculumWorld.casePackage(c.id("casePackage")))
                .expect(ownersAndAdmins).because("re-importing a package updates its framework: its owner or an administrator");
        matrix.get("/api/competencies/{competency}").expect(everyone);
        matrix.get("/api/competencies/{competency}/versions/{version}").expect(everyone);
        matrix.put("/api/competencies/{competency}")
                .body(c -> CurriculumWorld.competencyBody("C-" + UUID.randomUUID().toString().substring(0, 8)))
                .expect(ownersAndAdmins);
        matrix.post("/api/courses").noObject()
                .body(c -> Map.of("code", "C-" + UUID.randomUUID().toString().substring(0, 8), "title", "Math 6", "subject", "Mathematics",
                        "credits", 1.0))
                .expect(administrators);
        matrix.put("/api/courses/{course}")
                .body(c -> Map.of("code", "C-" + UUID.randomUUID().toString().substring(0, 8), "title", "Math 6", "subject", "Mathematics",
                        "credits", 2.0))
                .expect(administrators);
        matrix.get("/api/courses/{course}").expect(everyone);

        // roster: administrators write; reads follow the object-level rules
        matrix.post("/api/roster/organizations").noObject().body(c -> Map.of("type", "SCHOOL", "name", "Annex")).expect(administrators);
        matrix.get("/api/roster/organizations/{school}").expect(organizationReaders);
        matrix.get("/api/roster/organizations/{district}").expect(organizationReaders);
        matrix.post("/api/roster/organizations/{school}/leaders").body(c -> Map.of("leaderId", c.id("spareLeader")))
                .expect(administrators);
        matrix.delete("/api/roster/organizations/{school}/leaders/{spareLeader}").expect(administrators);
        matrix.post("/api/roster/people").noObject()
                .body(c -> Map.of("role", "STUDENT", "givenName", "New", "familyName", "Student", "schoolId", c.id("school")))
                .expect(administrators);
        matrix.get("/api/roster/people/{student}")
                .expect("STUDENT 2xx/404 | GUARDIAN 2xx/404 | TEACHER 2xx/404 | LEADER 404 | AUDITOR 2xx | ADMIN 2xx");
        matrix.get("/api/roster/people/{teacher}")
                .expect("STUDENT 404 | GUARDIAN 404 | TEACHER 2xx/404 | LEADER 404 | AUDITOR 2xx | ADMIN 2xx")
                .because("a person who is not a student: themself, auditors and administrators");
        matrix.get("/api/roster/people/{guardian}")
                .expect("STUDENT 404 | GUARDIAN 2xx/404 | TEACHER 404 | LEADER 404 | AUDITOR 2xx | ADMIN 2xx");
        matrix.delete("/api/roster/people/{spareStudent}/personal-data").expect(administrators);
        matrix.post("/api/roster/students/{student}/guardians").body(c -> Map.of("guardianId", c.id("spareGuardian")))
                .expect(administrators);
        matrix.delete("/api/roster/students/{student}/guardians/{spareGuardian}").expect(administrators);
        matrix.post("/api/classes").noObject()
                .body(c -> Map.of("schoolId", c.id("school"), "courseId", c.id("course"), "title", "Math 6, period 3"))
                .expect(administrators);
        matrix.get("/api/classes/{class}").expect(classReaders);
        matrix.get("/api/classes/{class}/students").expect(classReaders);
        matrix.post("/api/classes/{class}/teachers").body(c -> Map.of("teacherId", c.id("spareTeacher"))).expect(administrators);
        matrix.delete("/api/classes/{class}/teachers/{spareTeacher}").expect(administrators);
        matrix.post("/api/classes/{class}/enrollments").body(c -> Map.of("studentId", c.id("spareStudent"))).expect(administrators);
        matrix.delete("/api/classes/{class}/enrollments/{spareStudent}").expect(administrators);
        matrix.post("/api/roster/import/oneroster").noObject()
                .body(c -> RawHttp.Body.raw("application/zip", CurriculumWorld.oneRosterZip()))
                .expect(administrators);
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

package org.mastery.curriculum.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mastery.testsupport.badinput.BadInputCorpus;
import org.mastery.testsupport.bola.BolaRole;
import org.mastery.testsupport.bola.BolaWorld;
import org.mastery.testsupport.http.RawHttp;

/**
 * The two-sided world of curriculum's security tests, made through its own API as an administrator
 * would (curriculum writes the roster, so its access facts come from its own log): districts A and B
 * with a school each, a teacher, a student, a guardian and a district leader per side, a class per
 * school, a draft framework with a competency per teacher, a course per side, a CASE package imported
 * by each teacher, and spare people that administrators' writes can use without changing anyone's access.
 */
final class CurriculumWorld {

    final RawHttp http;
    final String admin;
    final Map<String, String> a = new LinkedHashMap<>();
    final Map<String, String> b = new LinkedHashMap<>();

    CurriculumWorld(RawHttp http, String adminToken) {
        this.http = http;
        this.admin = adminToken;
    }

    JsonNode call(String method, String path, Object body, String token, int status) {
        RawHttp.Answer answer = http.send(method, path, token, body == null ? null : RawHttp.Body.json(body), Map.of());
        assertThat(answer.status()).as("%s %s: %s", method, path, answer).isEqualTo(status);
        return answer.json();
    }

    String organization(String type, String name, String parent) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", type, "name", name));
        if (parent != null) {
            body.put("parentOrgId", parent);
        }
        return call("POST", "/api/roster/organizations", body, admin, 201).path("orgId").asText();
    }

    String person(String role, String school) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("role", role, "givenName", "Given", "familyName", role + " " + UUID.randomUUID()));
        if (school != null) {
            body.put("schoolId", school);
        }
        return call("POST", "/api/roster/people", body, admin, 201).path("personId").asText();
    }

    String framework(String teacherToken) {
        return call("POST", "/api/frameworks", Map.of("title", "Ratios", "subject", "Mathematics", "gradeBand", "6-7"), teacherToken, 201)
                .path("frameworkId").asText();
    }

    String competency(String framework, String token) {
        return call("POST", "/api/frameworks/" + framework + "/competencies", competencyBody("C-" + UUID.randomUUID().toString().substring(0, 8)),
                token, 201).path("competencyId").asText();
    }

    static Map<String, Object> competencyBody(String code) {
        return Map.of("code", code, "statement", "Understand ratios", "studentStatement", "I can describe a ratio.");
    }

    String course() {
        return call("POST", "/api/courses", Map.of("code", "C-" + UUID.randomUUID().toString().substring(0, 8), "title", "Math 6",
                "subject", "Mathematics", "credits", 1.0, "competencyIds", List.of()), admin, 201).path("courseId").asText();
    }

    String classOf(String school, String course, String teacher) {
        return call("POST", "/api/classes", Map.of("schoolId", school, "courseId", course, "title", "Math 6", "term", "Fall 2026",
                "teacherIds", List.of(teacher)), admin, 201).path("classId").asText();
    }

    /** A CASE package of its own (the test package with a fresh document identifier). */
    static JsonNode casePackage(String documentId) {
        try (InputStream in = CurriculumWorld.class.getResourceAsStream("/case/case-1.1-science-grade5-matter.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode original = RawHttp.JSON.readTree(text);
            String old = original.path("CFDocument").path("identifier").asText();
            return RawHttp.JSON.readTree(text.replace(old, documentId));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Springfield OneRoster bundle as a zip (re-importing it is idempotent). */
    static byte[] oneRosterZip() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : List.of("manifest.csv", "orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv", "users.csv",
                "roles.csv", "enrollments.csv")) {
            try (InputStream in = CurriculumWorld.class.getResourceAsStream("/oneroster/springfield/" + file)) {
                files.put(file, in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return BadInputCorpus.zip(files);
    }

    CurriculumWorld build(String teacherTokenA, java.util.function.Function<String, String> token) {
        String course = course();
        for (Map<String, String> side : List.of(a, b)) {
            String district = organization("DISTRICT", "District", null);
            String school = organization("SCHOOL", "School", district);
            side.put("district", district);
            side.put("school", school);
            side.put("teacher", person("TEACHER", school));
            side.put("student", person("STUDENT", school));
            side.put("guardian", person("GUARDIAN", null));
            side.put("leader", person("LEADER", null));
            call("POST", "/api/roster/organizations/" + district + "/leaders", Map.of("leaderId", side.get("leader")), admin, 200);
            side.put("class", classOf(school, course, side.get("teacher")));
            call("POST", "/api/classes/" + side.get("class") + "/enrollments", Map.of("studentId", side.get("student")), admin, 201);
            call("POST", "/api/roster/students/" + side.get("student") + "/guardians", Map.of("guardianId", side.get("guardian"),
                    "relationship", "PARENT"), admin, 200);
            side.put("spareStudent", person("STUDENT", school));
            side.put("course", course());
            String teacherToken = token.apply(side.get("teacher"));
            side.put("framework", framework(teacherToken));
            side.put("competency", competency(side.get("framework"), teacherToken));
            String caseDocument = UUID.randomUUID().toString();
            call("POST", "/api/frameworks/import/case", casePackage(caseDocument), teacherToken, 201);
            side.put("casePackage", caseDocument);
        }
        String spareTeacher = person("TEACHER", a.get("school"));
        String spareLeader = person("LEADER", null);
        String spareGuardian = person("GUARDIAN", null);
        for (Map<String, String> side : List.of(a, b)) {
            side.put("spareTeacher", spareTeacher);
            side.put("spareLeader", spareLeader);
            side.put("spareGuardian", spareGuardian);
        }
        return this;
    }

    BolaWorld world(String auditor, String administrator) {
        BolaWorld world = new BolaWorld()
                .viewer(BolaRole.STUDENT, a.get("student"))
                .viewer(BolaRole.GUARDIAN, a.get("guardian"))
                .viewer(BolaRole.TEACHER, a.get("teacher"))
                .viewer(BolaRole.LEADER, a.get("leader"))
                .viewer(BolaRole.AUDITOR, auditor)
                .viewer(BolaRole.ADMIN, administrator)
                .secret(b.get("student"), b.get("guardian"), b.get("spareStudent"));
        a.keySet().forEach(kind -> world.object(kind, a.get(kind), b.get(kind)));
        world.shared("version", "1");
        return world;
    }

    static ObjectNode json(Object value) {
        return RawHttp.JSON.valueToTree(value);
    }
}

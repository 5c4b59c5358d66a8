package org.mastery.curriculum.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mastery.contracts.access.AccessTopics;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.roster.RosterTopics;
import org.mastery.curriculum.support.ApiTest;
import org.mastery.testsupport.badinput.BadInput;
import org.mastery.testsupport.badinput.BadInputCorpus;
import org.mastery.testsupport.badinput.BadInputSuite;
import org.mastery.testsupport.badinput.StoredRows;
import org.mastery.testsupport.http.ApiEndpoints;
import org.mastery.testsupport.http.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bad-input corpus against every write endpoint of curriculum: each bad request is a 4xx problem
 * with a detail, nothing is stored (event log, directory, personal data, OneRoster mapping) or
 * published, and the valid request is accepted.
 */
class BadInputCorpusTest extends ApiTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static volatile CurriculumWorld world;
    static final String TEACHER_ID = "tch-corpus-" + UUID.randomUUID().toString().substring(0, 8);

    CurriculumWorld world() {
        if (world == null) {
            world = new CurriculumWorld(RawHttp.localhost(port), ADMIN).build(null, id -> token(id, "TEACHER"));
        }
        return world;
    }

    String teacher() {
        return token(world().a.get("teacher"), "TEACHER");
    }

    /** The framework of the last path made (a competency body's references must be of the same framework). */
    volatile String lastFramework;

    String draft() {
        String framework = world().framework(teacher());
        world().competency(framework, teacher());
        lastFramework = framework;
        return framework;
    }

    Map<String, Object> competency(String framework) {
        String prerequisite = world().competency(framework, teacher());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "6.RP.A." + UUID.randomUUID().toString().substring(0, 6));
        body.put("statement", "Understand the concept of a ratio");
        body.put("studentStatement", "I can describe a ratio.");
        body.put("masteryDescription", "Writes ratios in all three notations.");
        body.put("parentId", prerequisite);
        body.put("itemType", "Standard");
        body.put("educationLevels", List.of("06"));
        body.put("assessable", true);
        body.put("sequence", 1);
        body.put("scale", Map.of("levels", List.of(Map.of("value", 1, "label", "Beginning", "descriptor", "Starting"),
                Map.of("value", 2, "label", "Developing"), Map.of("value", 3, "label", "Proficient"), Map.of("value", 4, "label", "Advanced")),
                "masteryCut", 3));
        body.put("policy", Map.of("method", "DECAYING_AVERAGE", "parameters", Map.of("w", 0.65), "minEvidence", 2,
                "requiredMethods", List.of("PERFORMANCE_TASK"), "retention", true));
        body.put("prerequisiteIds", List.of(prerequisite));
        body.put("phases", List.of(Map.of("order", 1, "label", "Beginning", "minScore", 1, "maxScore", 2,
                "resources", List.of(Map.of("title", "Tape diagrams", "uri", "https://learn.example.org/tape", "kind", "VIDEO")))));
        return body;
    }

    /** CSV rows that are not a valid OneRoster bundle, zipped. */
    static List<BadInput> oneRosterCases() {
        List<BadInput> cases = new ArrayList<>(BadInputCorpus.zipUpload("application/zip"));
        String orgs = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n";
        String users = "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,"
                + "email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,"
                + "preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns,role\n";
        Map<String, String[]> bundles = new LinkedHashMap<>();
        bundles.put("a row with too few fields", new String[] {orgs + "org-x,active\n", users});
        bundles.put("an organisation type that does not exist", new String[] {orgs + "org-x,active,2026-08-01T00:00:00Z,X,'; DROP TABLE x; --,X,\n", users});
        bundles.put("a user in an organisation that does not exist", new String[] {orgs,
                users + "u-1,active,2026-08-01T00:00:00Z,true,u,,Ada,L,,,,,,,,,,,,,,unknown-org-1,,student\n"});
        bundles.put("a role that does not exist", new String[] {orgs + "org-s,active,2026-08-01T00:00:00Z,S,school,S,\n",
                users + "u-1,active,2026-08-01T00:00:00Z,true,u,,Ada,L,,,,,,,,,,,,,,org-s,,<script>alert(1)</script>\n"});
        bundles.put("an e-mail that is not one", new String[] {orgs + "org-s,active,2026-08-01T00:00:00Z,S,school,S,\n",
                users + "u-1,active,2026-08-01T00:00:00Z,true,u,,Ada,L,,,{\"$gt\": \"\"},,,,,,,,,,,org-s,,student\n"});
        bundles.put("a 2,000,000-character name", new String[] {orgs + "org-s,active,2026-08-01T00:00:00Z," + "x".repeat(2_000_000) + ",school,S,\n", users});
        bundles.put("a NUL in a name", new String[] {orgs + "org-s,active,2026-08-01T00:00:00Z,S\u0000chool,school,S,\n", users});
        bundles.put("no users file", new String[] {orgs + "org-s,active,2026-08-01T00:00:00Z,S,school,S,\n", null});
        bundles.forEach((name, files) -> {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("orgs.csv", files[0].getBytes(StandardCharsets.UTF_8));
            if (files[1] != null) {
                entries.put("users.csv", files[1].getBytes(StandardCharsets.UTF_8));
            }
            cases.add(new BadInput(BadInput.MALFORMED_UPLOAD, name, RawHttp.Body.raw("application/zip", BadInputCorpus.zip(entries)), null));
        });
        return cases;
    }

    BadInputSuite suite() {
        BadInputSuite suite = BadInputSuite.against(RawHttp.localhost(port), StoredRows.of(dataSource)
                .table("directory_entry").table("personal_data").table("oneroster_source"));
        suite.post("/api/frameworks").as(this::teacher)
                .jsonBody(() -> Map.of("title", "Ratios", "subject", "Mathematics", "gradeBand", "6-7"));
        suite.post("/api/frameworks/{id}/competencies").as(this::teacher).path(() -> Map.of("id", draft()))
                .jsonBody(() -> competency(lastFramework));
        suite.put("/api/competencies/{id}").as(this::teacher).path(() -> Map.of("id", world().competency(draft(), teacher())))
                .jsonBody(() -> competency(lastFramework));
        suite.post("/api/frameworks/{id}/publish").as(this::teacher).path(() -> Map.of("id", draft()));
        suite.post("/api/frameworks/{id}/drafts").as(this::teacher).path(() -> {
            String framework = draft();
            world().call("POST", "/api/frameworks/" + framework + "/publish", null, teacher(), 200);
            return Map.of("id", framework);
        });
        suite.post("/api/frameworks/{id}/retire").as(this::teacher).path(() -> Map.of("id", draft()));
        String caseDocument = UUID.randomUUID().toString();
        suite.post("/api/frameworks/import/case").as(this::teacher).jsonBody(() -> CurriculumWorld.casePackage(caseDocument))
                .except("unexpectedField", "CASE packages carry publishers' own fields: unknown ones are ignored (documented)")
                .except("wrong type: $.CFDocument.educationLevel", "grades may be numbers or one comma-separated string (documented)")
                .except("wrong type: $.CFItems[0].educationLevel", "grades may be numbers or one comma-separated string (documented)")
                .except("wrong type: $.CFDocument.subject = a string", "one subject may be given as a string")
                .except("wrong type: $.CFAssociations[0].sequenceNumber = a number", "a sequence number is a number (or a numeric string)")
                .except("injection-like: $.CFAssociations[0].destinationNodeURI.title", "a title is free text ('DOC' only looks like a code)");
        suite.post("/api/courses").as(() -> ADMIN)
                .jsonBody(() -> Map.of("code", "C-" + UUID.randomUUID().toString().substring(0, 8), "title", "Math 6", "subject",
                        "Mathematics", "credits", 1.0, "competencyIds", List.of(world().a.get("competency"))));
        suite.put("/api/courses/{id}").as(() -> ADMIN).path(() -> Map.of("id", world().course()))
                .jsonBody(() -> Map.of("code", "C-" + UUID.randomUUID().toString().substring(0, 8), "title", "Math 6", "subject",
                        "Mathematics", "credits", 2.0, "competencyIds", List.of(world().a.get("competency"))));
        suite.post("/api/roster/organizations").as(() -> ADMIN)
                .jsonBody(() -> Map.of("type", "SCHOOL", "name", "Annex", "parentOrgId", world().a.get("district")));
        suite.post("/api/roster/organizations/{id}/leaders").as(() -> ADMIN).path(() -> Map.of("id", world().a.get("school")))
                .jsonBody(() -> Map.of("leaderId", world().person("LEADER", null)));
        suite.delete("/api/roster/organizations/{id}/leaders/{leaderId}").as(() -> ADMIN)
                .path(() -> Map.of("id", world().a.get("district"), "leaderId", world().a.get("leader")));
        suite.post("/api/roster/people").as(() -> ADMIN)
                .jsonBody(() -> Map.of("role", "STUDENT", "givenName", "Amara", "familyName", "Okafor", "middleName", "Ngozi",
                        "preferredGivenName", "Ama", "email", "amara@families.example.org", "schoolId", world().a.get("school"),
                        "gradeLevel", "06"));
        suite.delete("/api/roster/people/{id}/personal-data").as(() -> ADMIN)
                .path(() -> Map.of("id", world().person("STUDENT", world().a.get("school"))));
        suite.post("/api/roster/students/{id}/guardians").as(() -> ADMIN).path(() -> Map.of("id", world().a.get("student")))
                .jsonBody(() -> Map.of("guardianId", world().person("GUARDIAN", null), "relationship", "PARENT"));
        suite.delete("/api/roster/students/{id}/guardians/{guardianId}").as(() -> ADMIN)
                .path(() -> Map.of("id", world().b.get("student"), "guardianId", world().b.get("guardian")));
        suite.post("/api/classes").as(() -> ADMIN)
                .jsonBody(() -> Map.of("schoolId", world().a.get("school"), "courseId", world().a.get("course"), "title", "Math 6, period 4",
                        "term", "Fall 2026", "teacherIds", List.of(world().a.get("teacher"))));
        suite.post("/api/classes/{id}/teachers").as(() -> ADMIN).path(() -> Map.of("id", world().a.get("class")))
                .jsonBody(() -> Map.of("teacherId", world().person("TEACHER", null)));
        suite.delete("/api/classes/{id}/teachers/{teacherId}").as(() -> ADMIN)
                .path(() -> Map.of("id", world().b.get("class"), "teacherId", world().b.get("teacher")));
        suite.post("/api/classes/{id}/enrollments").as(() -> ADMIN).path(() -> Map.of("id", world().a.get("class")))
                .jsonBody(() -> Map.of("studentId", world().person("STUDENT", world().a.get("school"))));
        suite.delete("/api/classes/{id}/enrollments/{studentId}").as(() -> ADMIN)
                .path(() -> Map.of("id", world().b.get("class"), "studentId", world().b.get("student")));
        suite.post("/api/roster/import/oneroster").as(() -> ADMIN)
                .rawBody(() -> RawHttp.Body.raw("application/zip", CurriculumWorld.oneRosterZip()))
                .with(oneRosterCases());
        return suite;
    }

    @TestFactory
    Stream<DynamicNode> everyWriteEndpointRefusesBadInputAndStoresNothing() {
        world();
        return suite().tests(CurriculumTopics.FRAMEWORKS, CurriculumTopics.COURSES, RosterTopics.ORGANIZATIONS, RosterTopics.CLASSES,
                RosterTopics.ENROLLMENTS, AccessTopics.CURRICULUM_DISCLOSURES);
    }

    @Test
    void theCorpusRunsAgainstEveryWriteEndpoint() {
        suite().assertCovers(ApiEndpoints.writes(mappings));
    }
}

package org.mastery.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The main story of the product, end to end through the gateway with tokens from the development
 * identity provider, against the whole running system: every service contributes at least one step
 * the next one depends on, so breaking any one of them fails this test.
 *
 * <ol>
 *   <li>the admin imports a CASE framework (a standard with two learning targets, the first a
 *       prerequisite of the second), gives them policies, publishes it, defines a course with credits
 *       and registers a district, a school, a leader, a teacher, three students, two guardians and a class
 *       (curriculum-service);</li>
 *   <li>the teacher defines a summative unit test with an answer key on three forms, an exit ticket
 *       (practice) and a rubric-scored performance task (assessment-service);</li>
 *   <li>students attempt them: Ana passes the test (auto-scored), then hands in the task, which the teacher
 *       scores with the rubric; Ben fails the test, a retake is refused (409), he does the exit ticket, and
 *       the retake is unlocked and passed; Cleo fails twice (assessment-service → progression-service);</li>
 *   <li>progression decides mastery, unlocks the second target, recommends an intervention, resolves
 *       Ben's, unlocks his retake and awards Ana the course credit (progression-service);</li>
 *   <li>the teacher sees the class mastery map and the intervention groups; Ana's guardian sees only Ana
 *       (Cleo is 404); the leader sees the school roll-up with small groups suppressed (reporting-service);</li>
 *   <li>Cleo sets a goal and sees her next steps (progression-service);</li>
 *   <li>the auditor replays and verifies Ana's history: verified; then one stored event of Ana's is
 *       altered in progression's PostgreSQL database and verification names it (progression and reporting).</li>
 * </ol>
 */
class StorySystemTest {

    private static final Duration VIEWS = Duration.ofSeconds(90);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Api admin = Api.as("adm-story-" + run, "ADMIN");

    private String lt1;
    private String lt2;
    private String course;
    private String school;
    private String district;
    private String leader;
    private String teacherId;
    private String classId;
    private String ana;
    private String ben;
    private String cleo;
    private String anasGuardian;
    private String unitTest;
    private String exitTicket;
    private String task;

    @Test
    void theWholeStoryThroughTheGateway() throws Exception {
        importTheFrameworkAndTheRoster();
        theTeacherCreatesAssessments();
        Api anaApi = Api.as(ana, "STUDENT");
        Api benApi = Api.as(ben, "STUDENT");
        Api cleoApi = Api.as(cleo, "STUDENT");
        Api teacher = Api.as(teacherId, "TEACHER");

        // --- Ana: passes the unit test (auto-scored from the answer key) ...
        JsonNode anasTest = attempt(anaApi, ana, unitTest);
        assertThat(anasTest.path("form").path("items").toString()).as("the student never sees the answer key").doesNotContain("answerKey");
        JsonNode anaScored = submitAnswers(anaApi, anasTest, 4);
        assertThat(anaScored.path("passed").asBoolean()).as(anaScored.toString()).isTrue();
        // ... progression decides mastery and unlocks the second target
        JsonNode anaProgress = Api.as(ana, "STUDENT").await("/api/students/" + ana + "/progression",
                r -> r.ok() && state(r.json(), lt1).equals("MASTERED") && contains(r.json().path("unlocked"), lt2), VIEWS).json();
        assertThat(competency(anaProgress, lt1).path("explanation").path("method").asText()).isEqualTo("LATEST");
        // ... then hands in the performance task, which the teacher scores with the rubric
        JsonNode anasTask = attempt(anaApi, ana, task);
        Api.Response handedIn = anaApi.post("/api/attempts/" + anasTask.path("attemptId").asText() + "/submit",
                Map.of("evidenceUris", List.of("https://drive.example.org/work/" + ana + "/better-buy")));
        assertThat(handedIn.status()).as(handedIn.toString()).isEqualTo(200);
        Api.Response scored = teacher.post("/api/attempts/" + anasTask.path("attemptId").asText() + "/score",
                Map.of("criteria", List.of(Map.of("criterionId", "comparison", "level", 4)), "feedback", "Clear unit rates, convincing choice."));
        assertThat(scored.status()).as(scored.toString()).isEqualTo(200);
        // ... and earns the course credit
        anaApi.await("/api/students/" + ana + "/progression", r -> r.ok() && state(r.json(), lt2).equals("MASTERED")
                && r.json().path("credits").toString().contains(course), VIEWS);

        // --- Ben: fails the unit test; a retake at once is refused with what unlocks it
        JsonNode bensTest = attempt(benApi, ben, unitTest);
        JsonNode benFailed = submitAnswers(benApi, bensTest, 0);
        assertThat(benFailed.path("passed").asBoolean(true)).as(benFailed.toString()).isFalse();
        Api.Response refused = benApi.post("/api/attempts", Map.of("studentId", ben, "assessmentId", unitTest));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("unlockedBy").toString()).contains("PRACTICE_COMPLETED").contains(lt1);
        // --- Cleo fails it too, and her practice does not go well either
        JsonNode cleoFailed = submitAnswers(cleoApi, attempt(cleoApi, cleo, unitTest), 0);
        assertThat(cleoFailed.path("passed").asBoolean(true)).isFalse();
        submitAnswers(cleoApi, attempt(cleoApi, cleo, exitTicket), 0);
        // --- Ben does the assigned practice (the exit ticket, half right): progression recommends an intervention
        //     (two results below the cut) and unlocks his retake (practice completed after the failed summative)
        JsonNode bensPractice = submitAnswers(benApi, attempt(benApi, ben, exitTicket), 1);
        assertThat(bensPractice.path("passed").asBoolean(true)).isFalse();
        benApi.await("/api/students/" + ben + "/progression",
                r -> r.ok() && !competency(r.json(), lt1).path("openInterventionId").isMissingNode()
                        && !competency(r.json(), lt1).path("openInterventionId").isNull(), VIEWS);
        // the teacher sees both in one group before the retake: two of the class's three, so the whole class (SPEC §3)
        JsonNode groups = teacher.await("/api/reports/classes/" + classId + "/interventions",
                r -> r.ok() && members(r.json(), lt1).containsAll(List.of(ben, cleo)), VIEWS).json();
        assertThat(group(groups, lt1).path("grouping").asText()).isEqualTo("WHOLE_CLASS");
        // the retake is unlocked by the practice (assessment-service hears it from progression through Kafka)
        JsonNode retake = awaitRetake(benApi, ben, unitTest);
        assertThat(retake.path("formId").asText()).as("a retake gets another form").isNotEqualTo(bensTest.path("formId").asText());
        assertThat(submitAnswers(benApi, retake, 4).path("passed").asBoolean()).isTrue();
        benApi.await("/api/students/" + ben + "/progression", r -> r.ok() && state(r.json(), lt1).equals("MASTERED")
                && (competency(r.json(), lt1).path("openInterventionId").isNull() || competency(r.json(), lt1).path("openInterventionId").isMissingNode()),
                VIEWS);

        // --- the teacher: the class map and the intervention groups
        JsonNode map = teacher.await("/api/reports/classes/" + classId + "/mastery-map",
                r -> r.ok() && r.json().path("students").size() == 3 && cell(r.json(), ana, lt2).equals("MASTERED")
                        && cell(r.json(), ben, lt1).equals("MASTERED"), VIEWS).json();
        assertThat(map.path("competencies")).extracting(c -> c.path("competencyId").asText()).containsExactly(lt1, lt2);
        assertThat(cell(map, cleo, lt1)).isNotEqualTo("MASTERED");
        JsonNode after = teacher.await("/api/reports/classes/" + classId + "/interventions",
                r -> r.ok() && members(r.json(), lt1).equals(List.of(cleo)), VIEWS).json();
        assertThat(group(after, lt1).path("grouping").asText()).isEqualTo("INDIVIDUAL");
        Api.Response otherTeacher = Api.as("tch-other-" + run, "TEACHER").get("/api/reports/classes/" + classId + "/mastery-map");
        assertThat(otherTeacher.status()).isEqualTo(404);

        // --- the guardian sees only their child
        Api guardian = Api.as(anasGuardian, "GUARDIAN");
        JsonNode children = guardian.await("/api/reports/guardians/" + anasGuardian + "/children",
                r -> r.ok() && r.json().path("children").size() == 1
                        && r.json().path("children").get(0).path("headline").asText().contains("2 of 2"), VIEWS).json();
        assertThat(children.path("children").get(0).path("studentId").asText()).isEqualTo(ana);
        assertThat(guardian.get("/api/reports/students/" + ana).status()).isEqualTo(200);
        Api.Response anotherChild = guardian.get("/api/reports/students/" + cleo);
        assertThat(anotherChild.status()).isEqualTo(404);
        assertThat(guardian.get("/api/students/" + cleo + "/progression").status()).isEqualTo(404);

        // --- the leader: a roll-up of the school, every figure about fewer than ten students suppressed
        Api leaderApi = Api.as(leader, "LEADER");
        JsonNode summary = leaderApi.await("/api/reports/schools/" + school + "/summary",
                r -> r.ok() && r.json().path("competencies").size() >= 2, VIEWS).json();
        assertThat(summary.path("students").asText()).isEqualTo("<10");
        assertThat(summary.path("overallMasteryRate").asText()).isEqualTo("<10");
        assertThat(summary.toString()).doesNotContain(ana).doesNotContain(ben).doesNotContain(cleo);
        assertThat(leaderApi.get("/api/reports/students/" + ana).status()).isEqualTo(404);

        // --- the student: a goal, then next steps (the goal first; the locked target not yet)
        String target = LocalDate.now().plusDays(14).toString();
        Api.Response goal = cleoApi.post("/api/students/" + cleo + "/goals",
                Map.of("competencyId", lt1, "targetDate", target, "note", "Two practice sets a week."));
        assertThat(goal.status()).as(goal.toString()).isEqualTo(201);
        JsonNode steps = cleoApi.await("/api/students/" + cleo + "/next-steps", r -> r.ok() && r.json().size() >= 1, VIEWS).json();
        assertThat(steps.get(0).path("competencyId").asText()).isEqualTo(lt1);
        assertThat(steps.toString()).doesNotContain(lt2).contains("https://learn.example.org/");
        cleoApi.await("/api/students/" + cleo + "/progression", r -> r.ok() && r.json().path("goals").toString().contains(lt1), VIEWS);

        // --- the auditor: Ana's history replayed and verified
        Api auditor = Api.as("aud-story-" + run, "AUDITOR");
        JsonNode history = auditor.get("/api/audit/students/" + ana + "/history").json();
        assertThat(history.toString()).contains("CompetencyMastered").contains("CourseCreditEarned");
        JsonNode verified = auditor.get("/api/audit/students/" + ana + "/verify").json();
        assertThat(verified.path("verified").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("mismatches")).isEmpty();
        assertThat(Api.as(teacherId, "TEACHER").get("/api/audit/students/" + ana + "/verify").status()).isEqualTo(403);

        // --- ... and a tampered event is detected, by name
        String tampered = tamperWithOneEventOf(ana);
        JsonNode detected = auditor.get("/api/audit/students/" + ana + "/verify").json();
        assertThat(detected.path("verified").asBoolean(true)).as(detected.toString()).isFalse();
        assertThat(detected.path("mismatches").toString()).as(detected.toString()).contains(tampered);
    }

    // ------------------------------------------------------------------ setting up, as the admin

    private void importTheFrameworkAndTheRoster() {
        CasePackages pkg = new CasePackages("Unit rates (story " + run + ")");
        String domain = pkg.item("RP." + run, "Domain", "Ratios and Proportional Relationships", null);
        String standard = pkg.item("RP.A.2." + run, "Standard",
                "Understand the concept of a unit rate a/b associated with a ratio a:b with b ≠ 0.", domain);
        String t1 = pkg.item("RP.A.2.LT1." + run, "Learning Target", "Find the unit rate of a ratio a:b as a/b.", standard);
        String t2 = pkg.item("RP.A.2.LT2." + run, "Learning Target", "Use unit rates to decide which of two offers is the better buy.", standard);
        pkg.precedes(t1, t2);
        Api.Response imported = admin.post("/api/frameworks/import/case", pkg.json());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String frameworkId = imported.json().path("outcome").path("frameworkId").asText();

        JsonNode framework = admin.await("/api/frameworks/" + frameworkId, r -> r.ok() && r.json().path("competencies").size() == 4,
                VIEWS).json();
        Map<String, String> byCode = new LinkedHashMap<>();
        for (JsonNode c : framework.path("competencies")) {
            byCode.put(c.path("code").asText(), c.path("competencyId").asText());
        }
        lt1 = byCode.get("RP.A.2.LT1." + run);
        lt2 = byCode.get("RP.A.2.LT2." + run);
        assertThat(lt1).isNotNull();
        assertThat(lt2).isNotNull();
        JsonNode second = admin.get("/api/competencies/" + lt2).json();
        assertThat(second.path("prerequisiteIds").toString()).as("precedes became a prerequisite").contains(lt1);
        assertThat(second.path("assessable").asBoolean()).isTrue();
        author(lt1, "I can find a unit rate.", Map.of("method", "LATEST", "parameters", Map.of(), "minEvidence", 1));
        author(lt2, "I can pick the better buy with unit rates.", Map.of("method", "HIGHEST", "parameters", Map.of(), "minEvidence", 1));
        Api.Response published = admin.post("/api/frameworks/" + frameworkId + "/publish", Map.of());
        assertThat(published.status()).as(published.toString()).isEqualTo(200);

        Api.Response courseCreated = admin.post("/api/courses", Map.of("code", "M6-" + run, "title", "Math 6 (" + run + ")",
                "subject", "Mathematics", "credits", 0.5, "competencyIds", List.of(lt1, lt2)));
        assertThat(courseCreated.status()).as(courseCreated.toString()).isEqualTo(201);
        course = courseCreated.json().path("courseId").asText();

        district = created(admin.post("/api/roster/organizations", Map.of("type", "DISTRICT", "name", "Story District " + run)), "orgId");
        school = created(admin.post("/api/roster/organizations", Map.of("type", "SCHOOL", "name", "Story Middle School " + run,
                "parentOrgId", district)), "orgId");
        leader = person("LEADER", "Grace", "Okafor", null);
        assertThat(admin.post("/api/roster/organizations/" + school + "/leaders", Map.of("leaderId", leader)).ok()).isTrue();
        teacherId = person("TEACHER", "Elena", "Alvarez", null);
        ana = person("STUDENT", "Ana", "Lima", school);
        ben = person("STUDENT", "Ben", "Carter", school);
        cleo = person("STUDENT", "Cleo", "Nguyen", school);
        anasGuardian = person("GUARDIAN", "Marta", "Lima", null);
        String cleosGuardian = person("GUARDIAN", "Huy", "Nguyen", null);
        assertThat(admin.post("/api/roster/students/" + ana + "/guardians", Map.of("guardianId", anasGuardian)).ok()).isTrue();
        assertThat(admin.post("/api/roster/students/" + cleo + "/guardians", Map.of("guardianId", cleosGuardian)).ok()).isTrue();
        classId = created(admin.post("/api/classes", Map.of("schoolId", school, "courseId", course, "title", "Math 6 period 1",
                "term", "2026-fall", "teacherIds", List.of(teacherId))), "classId");
        for (String student : List.of(ana, ben, cleo)) {
            Api.Response enrolled = admin.post("/api/classes/" + classId + "/enrollments", Map.of("studentId", student));
            assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);
        }
    }

    /** The admin completes an imported competency: the student's statement, what mastery looks like, a policy, phases. */
    private void author(String competencyId, String iCan, Map<String, Object> policy) {
        JsonNode current = admin.get("/api/competencies/" + competencyId).json();
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("code", current.path("code").asText());
        body.put("statement", current.path("statement").asText());
        body.put("studentStatement", iCan);
        body.put("masteryDescription", "Solves three unseen problems correctly and explains the units.");
        if (current.hasNonNull("parentId")) {
            body.put("parentId", current.get("parentId").asText());
        }
        body.put("itemType", current.path("itemType").asText());
        body.set("educationLevels", current.path("educationLevels"));
        body.put("assessable", true);
        if (current.hasNonNull("sequence")) {
            body.put("sequence", current.get("sequence").asInt());
        }
        body.set("prerequisiteIds", current.path("prerequisiteIds"));
        body.set("policy", Api.JSON.valueToTree(policy));
        body.set("phases", Api.JSON.valueToTree(List.of(
                Map.of("order", 1, "label", "Getting started", "minScore", 1, "maxScore", 3, "resources",
                        List.of(Map.of("title", "Video: unit rates", "uri", "https://learn.example.org/unit-rates/video", "kind", "VIDEO"))),
                Map.of("order", 2, "label", "Extending", "minScore", 3, "maxScore", 4, "resources",
                        List.of(Map.of("title", "Challenge task", "uri", "https://learn.example.org/unit-rates/challenge", "kind", "TASK"))))));
        Api.Response put = admin.put("/api/competencies/" + competencyId, body);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    private String person(String role, String given, String family, String schoolId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("givenName", given);
        body.put("familyName", family);
        if (schoolId != null) {
            body.put("schoolId", schoolId);
            body.put("gradeLevel", "06");
        }
        return created(admin.post("/api/roster/people", body), "personId");
    }

    private static String created(Api.Response response, String idField) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path(idField).asText();
    }

    // ------------------------------------------------------------------ assessments, as the teacher

    /** Item answers per form: every item's key is "&lt;form&gt;&lt;n&gt;" (e.g. B3), so answering it right or wrong is a choice. */
    private void theTeacherCreatesAssessments() {
        Api teacher = Api.as(teacherId, "TEACHER");
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("title", "Unit test: unit rates (" + run + ")");
        test.put("type", "SUMMATIVE");
        test.put("method", "SELECTED_RESPONSE");
        test.put("scoring", "ANSWER_KEY");
        test.put("competencyIds", List.of(lt1));
        test.put("forms", List.of(keyedForm("A", 4, lt1), keyedForm("B", 4, lt1), keyedForm("C", 4, lt1)));
        test.put("retakePolicy", Map.of("coolDownHours", 24, "practiceUnlocks", true));
        unitTest = definedWhenCatalogued(teacher, test);

        Map<String, Object> ticket = new LinkedHashMap<>();
        ticket.put("title", "Exit ticket: unit rates (" + run + ")");
        ticket.put("type", "FORMATIVE");
        ticket.put("method", "EXIT_TICKET");
        ticket.put("scoring", "ANSWER_KEY");
        ticket.put("competencyIds", List.of(lt1));
        ticket.put("forms", List.of(keyedForm("A", 2, lt1), keyedForm("B", 2, lt1)));
        exitTicket = definedWhenCatalogued(teacher, ticket);

        Map<String, Object> performance = new LinkedHashMap<>();
        performance.put("title", "Performance task: the better buy (" + run + ")");
        performance.put("type", "FORMATIVE");
        performance.put("method", "PERFORMANCE_TASK");
        performance.put("scoring", "RUBRIC");
        performance.put("competencyIds", List.of(lt2));
        performance.put("forms", List.of(Map.of("formId", "A", "instructions", "12 oz for $3.60 or 20 oz for $5.40: which is the better buy?"),
                Map.of("formId", "B", "instructions", "$15 for 3 GB or $24 for 6 GB: which gives more data per dollar?")));
        performance.put("rubric", List.of(Map.of("criterionId", "comparison", "competencyId", lt2,
                "description", "Compares unit rates and justifies the better buy")));
        task = definedWhenCatalogued(teacher, performance);

        JsonNode asSeenByAStudent = Api.as(ana, "STUDENT").get("/api/assessments/" + unitTest).json();
        assertThat(asSeenByAStudent.toString()).doesNotContain("answerKey");
    }

    private static Map<String, Object> keyedForm(String formId, int items, String competencyId) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 1; i <= items; i++) {
            list.add(Map.of("itemId", "q" + i, "competencyId", competencyId, "prompt", "Question " + i + " of form " + formId,
                    "answerKey", List.of(formId + i)));
        }
        return Map.of("formId", formId, "instructions", "Enter only the answer.", "items", list);
    }

    /** The competencies reach assessment-service's catalog through Kafka after publishing: 422 until then. */
    private String definedWhenCatalogued(Api teacher, Map<String, Object> body) {
        long deadline = System.nanoTime() + VIEWS.toNanos();
        Api.Response created = teacher.post("/api/assessments", body);
        while (created.status() == 422 && System.nanoTime() < deadline) {
            Api.sleep(250);
            created = teacher.post("/api/assessments", body);
        }
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("assessmentId").asText();
    }

    // ------------------------------------------------------------------ attempts, as the students

    /** Starts an attempt; the student is known to assessment-service once the roster arrived there (404 until then). */
    private static JsonNode attempt(Api student, String studentId, String assessmentId) {
        long deadline = System.nanoTime() + VIEWS.toNanos();
        Api.Response started = student.post("/api/attempts", Map.of("studentId", studentId, "assessmentId", assessmentId));
        while (started.status() == 404 && System.nanoTime() < deadline) {
            Api.sleep(250);
            started = student.post("/api/attempts", Map.of("studentId", studentId, "assessmentId", assessmentId));
        }
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.json();
    }

    /** Answers the first {@code right} items right and the rest wrong; answers the scored attempt. */
    private static JsonNode submitAnswers(Api student, JsonNode attempt, int right) {
        String form = attempt.path("formId").asText();
        List<Map<String, String>> responses = new ArrayList<>();
        int n = 0;
        for (JsonNode item : attempt.path("form").path("items")) {
            String itemId = item.path("itemId").asText();
            String number = itemId.substring(1);
            responses.add(Map.of("itemId", itemId, "response", n++ < right ? form + number : "no idea"));
        }
        assertThat(responses).as(attempt.toString()).isNotEmpty();
        Api.Response submitted = student.post("/api/attempts/" + attempt.path("attemptId").asText() + "/submit", Map.of("responses", responses));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("status").asText()).isEqualTo("SCORED");
        return submitted.json();
    }

    private static JsonNode awaitRetake(Api student, String studentId, String assessmentId) {
        long deadline = System.nanoTime() + VIEWS.toNanos();
        Api.Response started = student.post("/api/attempts", Map.of("studentId", studentId, "assessmentId", assessmentId));
        while (started.status() == 409 && System.nanoTime() < deadline) {
            Api.sleep(250);
            started = student.post("/api/attempts", Map.of("studentId", studentId, "assessmentId", assessmentId));
        }
        assertThat(started.status()).as("the retake after practice: " + started).isEqualTo(201);
        return started.json();
    }

    // ------------------------------------------------------------------ tampering, as an attacker with database access

    /**
     * Alters the payload of one stored event of the student's journey (the first that carries a score)
     * directly in progression's {@code domainevententry} table; answers the event's id.
     */
    private static String tamperWithOneEventOf(String studentId) throws Exception {
        URI server = URI.create(RunningSystem.infrastructure().get("DATABASE_URL"));
        String[] user = server.getUserInfo().split(":", 2);
        String jdbc = "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/progression";
        try (Connection db = DriverManager.getConnection(jdbc, user[0], user.length > 1 ? user[1] : "")) {
            String eventId = null;
            byte[] payload = null;
            try (PreparedStatement select = db.prepareStatement(
                    "SELECT eventidentifier, payload FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber")) {
                select.setString(1, studentId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next() && eventId == null) {
                        String json = new String(rows.getBytes(2), StandardCharsets.UTF_8);
                        if (json.contains("\"score\"")) {
                            eventId = rows.getString(1);
                            payload = rows.getBytes(2);
                        }
                    }
                }
            }
            assertThat(eventId).as("a stored event of " + studentId + " with a score").isNotNull();
            ObjectNode event = (ObjectNode) Api.JSON.readTree(payload);
            assertThat(raiseScore(event)).as("a score to alter in " + event).isTrue();
            try (PreparedStatement update = db.prepareStatement("UPDATE domainevententry SET payload = ? WHERE eventidentifier = ?")) {
                update.setBytes(1, Api.JSON.writeValueAsBytes(event));
                update.setString(2, eventId);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            return eventId;
        }
    }

    /** Sets the first numeric {@code score} found (depth first) to 4 (or 1 if it was 4). */
    private static boolean raiseScore(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode score = object.get("score");
            if (score != null && score.isNumber()) {
                object.put("score", score.asDouble() == 4.0 ? 1.0 : 4.0);
                return true;
            }
            var fields = object.fields();
            while (fields.hasNext()) {
                if (raiseScore(fields.next().getValue())) {
                    return true;
                }
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode element : node) {
                if (raiseScore(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ reading the views

    private static JsonNode competency(JsonNode progression, String competencyId) {
        for (JsonNode c : progression.path("competencies")) {
            if (c.path("competencyId").asText().equals(competencyId)) {
                return c;
            }
        }
        return Api.JSON.missingNode();
    }

    private static String state(JsonNode progression, String competencyId) {
        return competency(progression, competencyId).path("state").asText("NOT_STARTED");
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String cell(JsonNode map, String studentId, String competencyId) {
        for (JsonNode s : map.path("students")) {
            if (s.path("studentId").asText().equals(studentId)) {
                return s.path("cells").path(competencyId).path("state").asText("");
            }
        }
        return "";
    }

    private static JsonNode group(JsonNode interventions, String competencyId) {
        for (JsonNode g : interventions.path("groups")) {
            if (g.path("competencyId").asText().equals(competencyId)) {
                return g;
            }
        }
        return Api.JSON.missingNode();
    }

    private static List<String> members(JsonNode interventions, String competencyId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : group(interventions, competencyId).path("members")) {
            ids.add(m.path("studentId").asText());
        }
        ids.sort(String::compareTo);
        return ids;
    }
}

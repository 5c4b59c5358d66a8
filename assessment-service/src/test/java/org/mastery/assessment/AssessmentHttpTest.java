package org.mastery.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.curriculum.FrameworkRetired;
import org.mastery.testsupport.TestIdentity;
import org.springframework.http.ResponseEntity;

/** {@code POST /api/assessments}, {@code GET /api/assessments/{id}}, {@code POST /api/assessments/{id}/retire}. */
class AssessmentHttpTest extends IntegrationTest {

    @Test
    void aTeacherDefinesAnAssessmentWithEquivalentFormsAlignedToKnownCompetencies() {
        String teacher = teacherToken(id("tch"));
        String a = competency("PUBLISHED");
        String b = competency("DRAFT");
        JsonNode created = quiz(teacher, "SUMMATIVE", List.of(a, b), 3, Map.of("coolDownHours", 48, "practiceUnlocks", false));
        String id = created.path("assessmentId").asText();
        assertThat(id).startsWith("asm-");
        assertThat(created.path("forms")).hasSize(3);
        assertThat(created.path("competencies").findValuesAsText("competencyId")).containsExactly(a, b);
        assertThat(created.path("competencies").get(0).path("scale").path("levels").toString()).isEqualTo("[1,2,3,4]");
        assertThat(created.path("retakePolicy").path("coolDownHours").asInt()).isEqualTo(48);
        assertThat(created.path("masteryThreshold").asDouble()).isEqualTo(0.7);

        JsonNode asTeacher = getUntil("/api/assessments/" + id, teacher, r -> r.getStatusCode().value() == 200);
        assertThat(asTeacher.at("/forms/0/items/0/answerKey/0").asText()).isEqualTo("A");
        JsonNode asStudent = get("/api/assessments/" + id, studentToken(id("stu"))).getBody();
        assertThat(asStudent.path("title").asText()).isEqualTo("Ratios check");
        assertThat(asStudent.at("/forms/0/items").isMissingNode()).isTrue();
        assertThat(asStudent.toString()).doesNotContain("answerKey");
    }

    @Test
    void aRubricAssessmentTakesItsLevelsFromTheCompetencysScale() {
        String teacher = teacherToken(id("tch"));
        String a = competency("PUBLISHED");
        JsonNode created = task(teacher, "FORMATIVE", "PROJECT", List.of(a));
        assertThat(created.at("/rubric/0/levels").toString()).isEqualTo("[1,2,3,4]");
        assertThat(created.path("scoring").asText()).isEqualTo("RUBRIC");
    }

    @Test
    void unknownRetiredAndNotAssessableCompetenciesAreRefusedByName() {
        String teacher = teacherToken(id("tch"));
        String known = competency("PUBLISHED");
        String retired = competency("RETIRED");
        String domain = competency(id("cmp"), "PUBLISHED", false);
        String unknown = id("cmp-nowhere");
        ResponseEntity<JsonNode> refused = post("/api/assessments", Map.of("title", "Quiz", "type", "FORMATIVE",
                "method", "EXIT_TICKET", "scoring", "RUBRIC", "competencyIds", List.of(known, retired, domain, unknown),
                "forms", List.of(Map.of("formId", "A")),
                "rubric", List.of(Map.of("criterionId", "c1", "competencyId", known))), teacher);
        assertProblem(refused, 422, unknown);
        assertThat(refused.getBody().path("detail").asText()).contains(retired).contains(domain);
        assertThat(refused.getBody().path("unknownCompetencyIds").toString()).contains(unknown);
        assertThat(refused.getBody().path("retiredCompetencyIds").toString()).contains(retired);
        assertThat(refused.getBody().path("notAssessableCompetencyIds").toString()).contains(domain);
    }

    @Test
    void competenciesOfARetiredFrameworkAreRefused() {
        String teacher = teacherToken(id("tch"));
        String competency = competency("PUBLISHED");
        feeder().send(CurriculumTopics.FRAMEWORKS, "fw-" + competency, FrameworkRetired.TYPE, null,
                new FrameworkRetired("fw-" + competency, 1, java.time.Instant.now()));
        await("framework retired", () -> catalog.find(competency).map(c -> c.retired()).orElse(false));
        ResponseEntity<JsonNode> refused = post("/api/assessments", Map.of("title", "Quiz", "type", "FORMATIVE",
                "method", "OBSERVATION", "scoring", "RUBRIC", "competencyIds", List.of(competency),
                "forms", List.of(Map.of("formId", "A")), "rubric", List.of(Map.of("criterionId", "c1", "competencyId", competency))), teacher);
        assertProblem(refused, 422, "retired competencies " + competency);
    }

    @Test
    void malformedOrInvalidDefinitionsAreBadRequestsNamingTheProblem() {
        String teacher = teacherToken(id("tch"));
        String a = competency("PUBLISHED");
        assertProblem(post("/api/assessments", Map.of("type", "FORMATIVE", "method", "EXIT_TICKET", "scoring", "RUBRIC",
                "competencyIds", List.of(a), "forms", List.of(Map.of("formId", "A"))), teacher), 400, "title");
        assertProblem(post("/api/assessments", Map.of("title", "Quiz", "type", "WEEKLY", "method", "EXIT_TICKET", "scoring", "RUBRIC",
                "competencyIds", List.of(a), "forms", List.of(Map.of("formId", "A"))), teacher), 400, "type");
        ResponseEntity<JsonNode> noItems = post("/api/assessments", Map.of("title", "Quiz", "type", "SUMMATIVE",
                "method", "SELECTED_RESPONSE", "scoring", "ANSWER_KEY", "competencyIds", List.of(a),
                "forms", List.of(Map.of("formId", "A", "items", List.of(Map.of("itemId", "q1", "competencyId", a, "answerKey", List.of("A")))),
                        Map.of("formId", "B", "items", List.of()))), teacher);
        assertProblem(noItems, 400, "form B has no items");
        assertProblem(post("/api/assessments", Map.of("title", "Quiz", "type", "FORMATIVE", "method", "EXIT_TICKET", "scoring", "RUBRIC",
                "competencyIds", List.of(a), "forms", List.of(Map.of("formId", "A")), "retakePolicy", Map.of("coolDownHours", -3)),
                teacher), 400, "retakePolicy.coolDownHours");
    }

    @Test
    void onlyTeachersAndAdministratorsDefineAssessments() {
        String a = competency("PUBLISHED");
        Map<String, Object> body = Map.of("title", "Quiz", "type", "FORMATIVE", "method", "EXIT_TICKET", "scoring", "RUBRIC",
                "competencyIds", List.of(a), "forms", List.of(Map.of("formId", "A")),
                "rubric", List.of(Map.of("criterionId", "c1", "competencyId", a)));
        assertProblem(post("/api/assessments", body, studentToken("stu-1")), 403, "role");
        assertProblem(post("/api/assessments", body, TestIdentity.token("aud-1", "AUDITOR")), 403, "read-only");
        assertThat(post("/api/assessments", body, TestIdentity.token("adm-1", "ADMIN")).getStatusCode().value()).isEqualTo(201);
        assertThat(post("/api/assessments", body, null).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anUnknownAssessmentIsNotFound() {
        assertProblem(get("/api/assessments/asm-missing", teacherToken("tch-1")), 404, "No assessment with id asm-missing");
        assertProblem(post("/api/assessments/asm-missing/retire", Map.of(), teacherToken("tch-1")), 404, "No assessment with id asm-missing");
    }

    @Test
    void theAuthorRetiresAnAssessmentAndNoAttemptStartsOnItAfterwards() {
        String author = id("tch");
        String student = id("stu");
        classWith(id("cls"), author, student);
        String a = competency("PUBLISHED");
        String assessment = quiz(teacherToken(author), "FORMATIVE", List.of(a), 1, null).path("assessmentId").asText();
        assertProblem(post("/api/assessments/" + assessment + "/retire", Map.of(), teacherToken(id("tch"))), 403, "author");
        ResponseEntity<JsonNode> retired = post("/api/assessments/" + assessment + "/retire", Map.of(), teacherToken(author));
        assertThat(retired.getStatusCode().value()).isEqualTo(200);
        assertThat(retired.getBody().path("status").asText()).isEqualTo("RETIRED");
        assertProblem(post("/api/attempts", Map.of("studentId", student, "assessmentId", assessment), studentToken(student)),
                409, "retired");
    }
}

package org.mastery.curriculum.course.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastery.curriculum.support.ApiTest;
import org.springframework.http.HttpStatus;

class CourseApiTest extends ApiTest {

    final String teacher = token(unique("tch"), "TEACHER");

    @Test
    void aCourseGroupsCompetenciesOfSeveralFrameworksWithCreditsAndIsRevised() {
        String fw1 = createFramework(teacher, "Ratios");
        String fw2 = createFramework(teacher, "Geometry");
        String a = defineCompetency(fw1, teacher, "RP.1", List.of());
        String b = defineCompetency(fw2, teacher, "G.1", List.of());
        JsonNode created = expect(post("/api/courses", Map.of("code", "MATH-6", "title", "Mathematics 6", "subject", "Mathematics",
                "credits", 1.5, "competencyIds", List.of(a, b)), ADMIN), HttpStatus.CREATED);
        String id = created.get("courseId").asText();
        assertThat(created.get("version").asInt()).isEqualTo(1);

        JsonNode course = eventuallyOk("/api/courses/" + id, teacher).getBody();
        assertThat(course.get("credits").asDouble()).isEqualTo(1.5);
        assertThat(course.get("competencyIds")).extracting(JsonNode::asText).containsExactly(a, b);

        JsonNode revised = expect(put("/api/courses/" + id, Map.of("code", "MATH-6", "title", "Mathematics 6", "subject",
                "Mathematics", "credits", 2.0, "competencyIds", List.of(a)), ADMIN), HttpStatus.OK);
        assertThat(revised.get("version").asInt()).isEqualTo(2);
        JsonNode after = eventually(() -> get("/api/courses/" + id, token(unique("stu"), "STUDENT")),
                r -> r.getBody().path("version").asInt() == 2).getBody();
        assertThat(after.get("credits").asDouble()).isEqualTo(2.0);
        assertThat(after.get("competencyIds")).hasSize(1);
    }

    @Test
    void coursesAreWrittenByAdministratorsWithKnownCompetenciesOnly() {
        Map<String, Object> body = Map.of("code", "X", "title", "X", "subject", "Math", "credits", 1, "competencyIds", List.of("cmp-nope"));
        expect(post("/api/courses", body, teacher), HttpStatus.FORBIDDEN);
        JsonNode unknown = expect(post("/api/courses", body, ADMIN), HttpStatus.BAD_REQUEST);
        assertThat(unknown.get("detail").asText()).contains("cmp-nope");
        JsonNode invalid = expect(post("/api/courses", Map.of("code", "X", "title", "X", "subject", "Math", "credits", -1), ADMIN),
                HttpStatus.BAD_REQUEST);
        assertThat(invalid.get("detail").asText()).contains("credits");
        expect(get("/api/courses/crs-unknown", teacher), HttpStatus.NOT_FOUND);
        expect(put("/api/courses/crs-unknown", Map.of("code", "X", "title", "X", "subject", "Math", "credits", 1), ADMIN),
                HttpStatus.NOT_FOUND);
    }
}

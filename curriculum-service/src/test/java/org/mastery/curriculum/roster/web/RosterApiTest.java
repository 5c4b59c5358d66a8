package org.mastery.curriculum.roster.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastery.curriculum.support.ApiTest;
import org.springframework.http.HttpStatus;

/** Roster authoring and reads through the real HTTP layer, with the object-level rules. */
class RosterApiTest extends ApiTest {

    @Test
    void organisationsAndTheirLeaders() {
        String district = createOrganization("DISTRICT", "Springfield USD", null);
        String school = createOrganization("SCHOOL", "Lincoln Middle", district);
        JsonNode notADistrict = expect(post("/api/roster/organizations", Map.of("type", "SCHOOL", "name", "Annex",
                "parentOrgId", school), ADMIN), HttpStatus.BAD_REQUEST);
        assertThat(notADistrict.get("detail").asText()).contains("is not a district");
        expect(post("/api/roster/organizations", Map.of("type", "STATE", "name", "Ohio"), ADMIN), HttpStatus.BAD_REQUEST);
        expect(post("/api/roster/organizations", Map.of("type", "SCHOOL", "name", "x"), token("tch-x", "TEACHER")), HttpStatus.FORBIDDEN);

        String leader = createPerson("LEADER", "Maria", "Montessori", null);
        String leaderToken = token(leader, "LEADER");
        expect(post("/api/roster/organizations/" + district + "/leaders", Map.of("leaderId", leader), ADMIN), HttpStatus.OK);
        String teacher = createPerson("TEACHER", "Ada", "Lovelace", school);
        expect(post("/api/roster/organizations/" + district + "/leaders", Map.of("leaderId", teacher), ADMIN), HttpStatus.BAD_REQUEST);
        expect(post("/api/roster/organizations/org-unknown/leaders", Map.of("leaderId", leader), ADMIN), HttpStatus.NOT_FOUND);

        // a district leader reads the district and its schools; another leader reads neither
        JsonNode view = eventually(() -> get("/api/roster/organizations/" + school, leaderToken),
                r -> r.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(view.get("name").asText()).isEqualTo("Lincoln Middle");
        assertThat(view.get("parentOrgId").asText()).isEqualTo(district);
        JsonNode districtView = eventually(() -> get("/api/roster/organizations/" + district, ADMIN),
                r -> r.getBody().path("leaderIds").size() == 1).getBody();
        assertThat(districtView.get("leaderIds").get(0).asText()).isEqualTo(leader);
        expect(get("/api/roster/organizations/" + school, token(unique("ldr"), "LEADER")), HttpStatus.NOT_FOUND);
        expect(get("/api/roster/organizations/org-unknown", ADMIN), HttpStatus.NOT_FOUND);

        expect(delete("/api/roster/organizations/" + district + "/leaders/" + leader, ADMIN), HttpStatus.NO_CONTENT);
        eventually(() -> get("/api/roster/organizations/" + school, leaderToken), r -> r.getStatusCode() == HttpStatus.NOT_FOUND);
    }

    @Test
    void classesEnrolmentsGuardiansAndWhoMaySeeAStudentsName() {
        String school = createOrganization("SCHOOL", "Lincoln Middle", null);
        String teacher = createPerson("TEACHER", "Ada", "Lovelace", school);
        String otherTeacher = createPerson("TEACHER", "Grace", "Hopper", school);
        String student = createPerson("STUDENT", "Amara", "Okafor", school);
        String classmate = createPerson("STUDENT", "José", "García", school);
        String guardian = createPerson("GUARDIAN", "Ngozi", "Okafor", null);
        String teacherToken = token(teacher, "TEACHER");
        String course = createCourse(List.of());

        JsonNode badClass = expect(post("/api/classes", Map.of("schoolId", school, "courseId", "crs-nope", "title", "x"), ADMIN),
                HttpStatus.BAD_REQUEST);
        assertThat(badClass.get("detail").asText()).contains("crs-nope");
        expect(post("/api/classes", Map.of("schoolId", school, "courseId", course, "title", "x", "teacherIds", List.of(student)), ADMIN),
                HttpStatus.BAD_REQUEST);
        expect(post("/api/classes", Map.of("schoolId", school, "courseId", course, "title", ""), ADMIN), HttpStatus.BAD_REQUEST);
        expect(post("/api/classes", Map.of("schoolId", school, "courseId", course, "title", "x"), teacherToken), HttpStatus.FORBIDDEN);
        String cls = createClass(school, course, List.of(teacher));
        expect(get("/api/classes/cls-unknown", ADMIN), HttpStatus.NOT_FOUND);

        // nobody but administrators sees a student before the roster links them
        expect(get("/api/roster/people/" + student, teacherToken), HttpStatus.NOT_FOUND);

        JsonNode enrolled = expect(post("/api/classes/" + cls + "/enrollments", Map.of("studentId", student), ADMIN), HttpStatus.CREATED);
        assertThat(enrolled.get("changed").asBoolean()).isTrue();
        JsonNode again = expect(post("/api/classes/" + cls + "/enrollments", Map.of("studentId", student), ADMIN), HttpStatus.OK);
        assertThat(again.get("changed").asBoolean()).isFalse();
        expect(post("/api/classes/" + cls + "/enrollments", Map.of("studentId", classmate), ADMIN), HttpStatus.CREATED);
        expect(post("/api/classes/" + cls + "/enrollments", Map.of("studentId", teacher), ADMIN), HttpStatus.BAD_REQUEST);
        expect(post("/api/classes/" + cls + "/enrollments", Map.of(), ADMIN), HttpStatus.BAD_REQUEST);
        expect(post("/api/classes/cls-unknown/enrollments", Map.of("studentId", student), ADMIN), HttpStatus.NOT_FOUND);
        expect(post("/api/classes/" + cls + "/enrollments", Map.of("studentId", student), teacherToken), HttpStatus.FORBIDDEN);

        // the class list with names, for the class's teacher
        JsonNode list = eventually(() -> get("/api/classes/" + cls + "/students", teacherToken),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().get("students").size() == 2).getBody();
        assertThat(list.get("students")).extracting(s -> s.get("familyName").asText()).containsExactly("García", "Okafor");
        assertThat(list.get("title").asText()).isEqualTo("Math 6, period 2");
        expect(get("/api/classes/" + cls + "/students", token(otherTeacher, "TEACHER")), HttpStatus.NOT_FOUND);
        expect(get("/api/classes/" + cls + "/students", token(student, "STUDENT")), HttpStatus.NOT_FOUND);
        expect(get("/api/classes/cls-unknown/students", ADMIN), HttpStatus.NOT_FOUND);
        assertThat(expect(get("/api/classes/" + cls, AUDITOR), HttpStatus.OK).get("teacherIds")).hasSize(1);

        // the person's display data: the teacher of the student, the student, admins, auditors; not other teachers
        JsonNode asTeacher = eventually(() -> get("/api/roster/people/" + student, teacherToken),
                r -> r.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(asTeacher.get("givenName").asText()).isEqualTo("Amara");
        assertThat(asTeacher.get("roles")).extracting(JsonNode::asText).containsExactly("STUDENT");
        assertThat(asTeacher.get("schoolId").asText()).isEqualTo(school);
        expect(get("/api/roster/people/" + student, token(student, "STUDENT")), HttpStatus.OK);
        expect(get("/api/roster/people/" + student, AUDITOR), HttpStatus.OK);
        expect(get("/api/roster/people/" + student, token(otherTeacher, "TEACHER")), HttpStatus.NOT_FOUND);
        expect(get("/api/roster/people/" + student, token(classmate, "STUDENT")), HttpStatus.NOT_FOUND);
        expect(get("/api/roster/people/" + teacher, token(teacher, "TEACHER")), HttpStatus.OK);
        expect(get("/api/roster/people/" + teacher, token(student, "STUDENT")), HttpStatus.NOT_FOUND);
        expect(get("/api/roster/people/stu-unknown", ADMIN), HttpStatus.NOT_FOUND);

        // a guardian sees their own child once linked, and no longer once unlinked
        String guardianToken = token(guardian, "GUARDIAN");
        expect(get("/api/roster/people/" + student, guardianToken), HttpStatus.NOT_FOUND);
        expect(post("/api/roster/students/" + student + "/guardians", Map.of("guardianId", guardian, "relationship", "PARENT"), ADMIN),
                HttpStatus.OK);
        expect(post("/api/roster/students/" + student + "/guardians", Map.of("guardianId", teacher), ADMIN), HttpStatus.BAD_REQUEST);
        expect(post("/api/roster/students/" + teacher + "/guardians", Map.of("guardianId", guardian), ADMIN), HttpStatus.NOT_FOUND);
        expect(post("/api/roster/students/" + student + "/guardians", Map.of("guardianId", guardian, "relationship", "not a word!"), ADMIN),
                HttpStatus.BAD_REQUEST);
        eventually(() -> get("/api/roster/people/" + student, guardianToken), r -> r.getStatusCode() == HttpStatus.OK);
        expect(get("/api/roster/people/" + classmate, guardianToken), HttpStatus.NOT_FOUND);
        expect(delete("/api/roster/students/" + student + "/guardians/" + guardian, ADMIN), HttpStatus.NO_CONTENT);
        eventually(() -> get("/api/roster/people/" + student, guardianToken), r -> r.getStatusCode() == HttpStatus.NOT_FOUND);

        // a teacher who leaves the class loses the class list; an unenrolled student leaves it
        expect(delete("/api/classes/" + cls + "/enrollments/" + classmate, ADMIN), HttpStatus.NO_CONTENT);
        eventually(() -> get("/api/classes/" + cls + "/students", teacherToken), r -> r.getBody().path("students").size() == 1);
        expect(post("/api/classes/" + cls + "/teachers", Map.of("teacherId", otherTeacher), ADMIN), HttpStatus.CREATED);
        expect(post("/api/classes/" + cls + "/teachers", Map.of("teacherId", guardian), ADMIN), HttpStatus.BAD_REQUEST);
        expect(delete("/api/classes/" + cls + "/teachers/" + teacher, ADMIN), HttpStatus.NO_CONTENT);
        eventually(() -> get("/api/classes/" + cls + "/students", teacherToken), r -> r.getStatusCode() == HttpStatus.NOT_FOUND);
        eventually(() -> get("/api/classes/" + cls + "/students", token(otherTeacher, "TEACHER")), r -> r.getStatusCode() == HttpStatus.OK);
    }

    @Test
    void erasingPersonalDataRemovesTheNamesEverywhereInThisServiceAndKeepsTheId() {
        String school = createOrganization("SCHOOL", "Lincoln Middle", null);
        String teacher = createPerson("TEACHER", "Ada", "Lovelace", school);
        String student = createPerson("STUDENT", "Amara", "Okafor", school);
        String cls = createClass(school, createCourse(List.of()), List.of(teacher));
        expect(post("/api/classes/" + cls + "/enrollments", Map.of("studentId", student), ADMIN), HttpStatus.CREATED);

        expect(delete("/api/roster/people/" + student + "/personal-data", token(teacher, "TEACHER")), HttpStatus.FORBIDDEN);
        expect(delete("/api/roster/people/stu-unknown/personal-data", ADMIN), HttpStatus.NOT_FOUND);
        expect(delete("/api/roster/people/" + student + "/personal-data", ADMIN), HttpStatus.NO_CONTENT);
        expect(delete("/api/roster/people/" + student + "/personal-data", ADMIN), HttpStatus.NO_CONTENT);

        JsonNode person = expect(get("/api/roster/people/" + student, ADMIN), HttpStatus.OK);
        assertThat(person.get("erased").asBoolean()).isTrue();
        assertThat(person.has("givenName")).isFalse();
        assertThat(person.has("familyName")).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data WHERE person_id = ?", Long.class, student)).isZero();
        JsonNode list = eventually(() -> get("/api/classes/" + cls + "/students", token(teacher, "TEACHER")),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().get("students").size() == 1).getBody();
        assertThat(list.at("/students/0/personId").asText()).isEqualTo(student);
        assertThat(list.at("/students/0/erased").asBoolean()).isTrue();
        assertThat(list.at("/students/0").has("familyName")).isFalse();
        // and no name was ever in the log
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') LIKE '%Okafor%'",
                Long.class)).isZero();
    }

    @Test
    void peopleAreRegisteredByAdministratorsWithValidData() {
        String school = createOrganization("SCHOOL", "Lincoln Middle", null);
        expect(post("/api/roster/people", Map.of("role", "STUDENT", "givenName", "A", "familyName", "B", "schoolId", school),
                token("tch-1", "TEACHER")), HttpStatus.FORBIDDEN);
        JsonNode noSchool = expect(post("/api/roster/people", Map.of("role", "STUDENT", "givenName", "A", "familyName", "B"), ADMIN),
                HttpStatus.BAD_REQUEST);
        assertThat(noSchool.get("detail").asText()).contains("school");
        expect(post("/api/roster/people", Map.of("role", "WIZARD", "givenName", "A", "familyName", "B"), ADMIN), HttpStatus.BAD_REQUEST);
        expect(post("/api/roster/people", Map.of("role", "TEACHER", "givenName", "A", "familyName", "B", "email", "not-an-email"), ADMIN),
                HttpStatus.BAD_REQUEST);
        expect(post("/api/roster/people", Map.of("role", "STUDENT", "givenName", "A", "familyName", "B", "schoolId", "org-nope"), ADMIN),
                HttpStatus.BAD_REQUEST);
        JsonNode created = expect(post("/api/roster/people", Map.of("role", "TEACHER", "givenName", "Ada", "familyName", "Lovelace",
                "email", "ada@example.org"), ADMIN), HttpStatus.CREATED);
        assertThat(created.get("personId").asText()).startsWith("tch-");
        JsonNode read = expect(get("/api/roster/people/" + created.get("personId").asText(), ADMIN), HttpStatus.OK);
        assertThat(read.get("email").asText()).isEqualTo("ada@example.org");
    }
}

package org.mastery.curriculum.roster.integration.oneroster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.mastery.curriculum.support.ApiTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** OneRoster 1.2 CSV bundles through the real HTTP layer (multipart files or a zip). */
class OneRosterImportApiTest extends ApiTest {

    static final List<String> FILES = List.of("manifest.csv", "orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv",
            "users.csv", "roles.csv", "enrollments.csv");

    /** The Springfield bundle with sourcedIds of its own (so tests sharing the database do not meet). */
    static Map<String, String> bundle(String run) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = OneRosterImportApiTest.class.getResourceAsStream("/oneroster/springfield/" + name)) {
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("sis-", "sis-" + run + "-"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return files;
    }

    ResponseEntity<JsonNode> upload(Map<String, String> files, String token) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        files.forEach((name, content) -> parts.add("files", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.exchange("/api/roster/import/oneroster", HttpMethod.POST, new HttpEntity<>(parts, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> uploadZip(byte[] zip, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.parseMediaType("application/zip"));
        return http.exchange("/api/roster/import/oneroster", HttpMethod.POST, new HttpEntity<>(zip, headers), JsonNode.class);
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("springfield-2026/" + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    String id(String kind, String sourcedId) {
        return jdbc.queryForList("SELECT mastery_id FROM oneroster_source WHERE kind = ? AND sourced_id = ?", String.class, kind, sourcedId)
                .stream().findFirst().orElse(null);
    }

    @Test
    void aBundleImportsWithClassesEnrolmentsGuardiansAndLeadersAndImportsAgainWithoutDuplicates() {
        String run = unique("r");
        JsonNode result = expect(upload(bundle(run), ADMIN), HttpStatus.OK);
        assertThat(result.at("/organizations/created").asInt()).isEqualTo(3);
        assertThat(result.at("/courses/created").asInt()).isEqualTo(2);
        assertThat(result.at("/classes/created").asInt()).isEqualTo(2);
        assertThat(result.at("/people/STUDENT/created").asInt()).isEqualTo(3);
        assertThat(result.at("/people/TEACHER/created").asInt()).isEqualTo(2);
        assertThat(result.at("/people/GUARDIAN/created").asInt()).isEqualTo(3);
        assertThat(result.at("/people/LEADER/created").asInt()).isEqualTo(1);
        assertThat(result.get("enrollments").asInt()).isEqualTo(4);
        assertThat(result.get("teacherAssignments").asInt()).isEqualTo(2);
        assertThat(result.get("guardianLinks").asInt()).isEqualTo(3);
        assertThat(result.get("leaderAssignments").asInt()).isEqualTo(1);
        assertThat(result.get("warnings").toString()).contains("manifest.csv is not used", "state organisations", "role aide");

        String math = id("CLASS", "sis-" + run + "-cls-m6p2");
        String science = id("CLASS", "sis-" + run + "-cls-s6p3");
        String ada = id("USER", "sis-" + run + "-usr-t1");
        String amara = id("USER", "sis-" + run + "-usr-s1");
        String ngozi = id("USER", "sis-" + run + "-usr-g1");
        String principal = id("USER", "sis-" + run + "-usr-p1");
        String school = id("ORG", "sis-" + run + "-org-s1");
        assertThat(amara).startsWith("stu-");
        assertThat(ngozi).startsWith("grd-");
        // the answer names the id given to every sourcedId, so a script can go on without a lookup
        assertThat(result.at("/ids/classes/sis-" + run + "-cls-m6p2").asText()).isEqualTo(math);
        assertThat(result.at("/ids/users/sis-" + run + "-usr-s1").asText()).isEqualTo(amara);
        assertThat(result.at("/ids/users/sis-" + run + "-usr-g1").asText()).isEqualTo(ngozi);
        assertThat(result.at("/ids/organizations/sis-" + run + "-org-s1").asText()).isEqualTo(school);
        assertThat(result.at("/ids/courses").size()).isEqualTo(2);

        JsonNode list = eventually(() -> get("/api/classes/" + math + "/students", token(ada, "TEACHER")),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().get("students").size() == 2).getBody();
        assertThat(list.get("students")).extracting(s -> s.get("familyName").asText()).containsExactly("García", "O'Neil-Okafor");
        assertThat(list.at("/students/0/preferredGivenName").asText()).isEqualTo("Pepe");
        assertThat(list.get("term").asText()).isEqualTo("Fall 2026");
        JsonNode scienceClass = eventuallyOk("/api/classes/" + science, ADMIN).getBody();
        assertThat(scienceClass.get("term").asText()).isEqualTo("Fall 2026, Spring 2027");
        assertThat(scienceClass.get("title").asText()).isEqualTo("Science 6 period 3");

        // the parent (from agentSourcedIds) sees her child; the principal leads the school
        JsonNode child = eventually(() -> get("/api/roster/people/" + amara, token(ngozi, "GUARDIAN")),
                r -> r.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(child.get("familyName").asText()).isEqualTo("O'Neil-Okafor");
        eventually(() -> get("/api/roster/organizations/" + school, token(principal, "LEADER")), r -> r.getStatusCode() == HttpStatus.OK);
        JsonNode teacher = expect(get("/api/roster/people/" + ada, ADMIN), HttpStatus.OK);
        assertThat(teacher.get("email").asText()).isEqualTo("ada.lovelace@springfield.example.org");

        // the same bundle again (as a zip this time): everything exists, nothing new is stored
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        JsonNode again = expect(uploadZip(zip(bundle(run)), ADMIN), HttpStatus.OK);
        assertThat(again.at("/organizations/existing").asInt()).isEqualTo(3);
        assertThat(again.at("/organizations/created").asInt()).isZero();
        assertThat(again.at("/people/STUDENT/existing").asInt()).isEqualTo(3);
        assertThat(again.get("enrollments").asInt()).isZero();
        assertThat(again.get("guardianLinks").asInt()).isZero();
        assertThat(again.at("/ids/users/sis-" + run + "-usr-s1").asText()).as("the ids found again").isEqualTo(amara);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class)).isEqualTo(events);
    }

    @Test
    void aMalformedRowIsReportedWithFileAndLineAndNothingOfTheImportIsStored() {
        String run = unique("r");
        Map<String, String> files = bundle(run);
        // line 6 of enrollments.csv names a class that exists nowhere
        files.put("enrollments.csv", files.get("enrollments.csv").replace("sis-" + run + "-enr-5,active,2026-08-01T00:00:00.000Z,sis-" + run + "-cls-s6p3",
                "sis-" + run + "-enr-5,active,2026-08-01T00:00:00.000Z,sis-" + run + "-cls-nowhere"));
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        long people = jdbc.queryForObject("SELECT COUNT(*) FROM personal_data", Long.class);
        JsonNode problem = expect(upload(files, ADMIN), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("file").asText()).isEqualTo("enrollments.csv");
        assertThat(problem.get("line").asInt()).isEqualTo(6);
        assertThat(problem.get("detail").asText()).contains("enrollments.csv line 6").contains("cls-nowhere").contains("nothing was stored");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data", Long.class)).isEqualTo(people);
        assertThat(id("ORG", "sis-" + run + "-org-s1")).isNull();
        assertThat(id("USER", "sis-" + run + "-usr-s1")).isNull();

        Map<String, String> badRole = bundle(run);
        badRole.put("roles.csv", badRole.get("roles.csv").replace(",primary,parent,", ",primary,wizard,"));
        JsonNode role = expect(upload(badRole, ADMIN), HttpStatus.BAD_REQUEST);
        assertThat(role.get("detail").asText()).contains("roles.csv line 7: role 'wizard' is not a OneRoster role");

        Map<String, String> badEmail = bundle(run);
        badEmail.put("users.csv", badEmail.get("users.csv").replace("ngozi.okafor@mail.example.com", "ngozi at mail"));
        JsonNode email = expect(upload(badEmail, ADMIN), HttpStatus.BAD_REQUEST);
        assertThat(email.get("detail").asText()).contains("users.csv line 7: email 'ngozi at mail' is not an e-mail address");

        Map<String, String> badShape = bundle(run);
        badShape.put("orgs.csv", badShape.get("orgs.csv").replace("Lincoln Middle School,school", "\"Lincoln Middle School,school"));
        JsonNode shape = expect(upload(badShape, ADMIN), HttpStatus.BAD_REQUEST);
        assertThat(shape.get("file").asText()).isEqualTo("orgs.csv");
        assertThat(shape.get("line").asInt()).isEqualTo(3);

        Map<String, String> noUsers = bundle(run);
        noUsers.remove("users.csv");
        assertThat(expect(upload(noUsers, ADMIN), HttpStatus.BAD_REQUEST).get("detail").asText()).contains("no users.csv");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class)).isEqualTo(events);
        assertThat(id("ORG", "sis-" + run + "-org-s1")).isNull();
    }

    @Test
    void onlyAdministratorsImportAndAnUnreadableZipIs400() {
        expect(upload(bundle(unique("r")), token("tch-1", "TEACHER")), HttpStatus.FORBIDDEN);
        expect(uploadZip("not a zip".getBytes(StandardCharsets.UTF_8), ADMIN), HttpStatus.BAD_REQUEST);
    }

    @Test
    void anErasedPersonsNamesAreNotStoredAgainByAReimport() {
        String run = unique("r");
        expect(upload(bundle(run), ADMIN), HttpStatus.OK);
        String amara = id("USER", "sis-" + run + "-usr-s1");
        expect(delete("/api/roster/people/" + amara + "/personal-data", ADMIN), HttpStatus.NO_CONTENT);
        JsonNode again = expect(upload(bundle(run), ADMIN), HttpStatus.OK);
        assertThat(again.get("warnings").toString()).contains("1 user(s) had their personal data erased before");
        JsonNode person = expect(get("/api/roster/people/" + amara, ADMIN), HttpStatus.OK);
        assertThat(person.get("erased").asBoolean()).isTrue();
        assertThat(person.has("familyName")).isFalse();
    }
}

package org.mastery.curriculum.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.UsesInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the HTTP tests: the real service on a random port with PostgreSQL, Kafka and the MongoDB
 * stand-in, one Spring context shared by every subclass (same annotations), and bearer tokens the
 * service accepts. Views are eventually consistent, so reads poll.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure
public abstract class ApiTest {

    protected static final String ADMIN = TestIdentity.token("adm-1", "ADMIN");
    protected static final String AUDITOR = TestIdentity.token("aud-1", "AUDITOR");

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ObjectMapper json;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static String token(String subject, String... roles) {
        return TestIdentity.token(subject, roles);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    protected ResponseEntity<JsonNode> call(HttpMethod method, String path, Object body, String token) {
        return http.exchange(path, method, new HttpEntity<>(body, bearer(token)), JsonNode.class);
    }

    protected ResponseEntity<JsonNode> get(String path, String token) {
        return call(HttpMethod.GET, path, null, token);
    }

    protected ResponseEntity<JsonNode> post(String path, Object body, String token) {
        return call(HttpMethod.POST, path, body, token);
    }

    protected ResponseEntity<JsonNode> put(String path, Object body, String token) {
        return call(HttpMethod.PUT, path, body, token);
    }

    protected ResponseEntity<JsonNode> delete(String path, String token) {
        return call(HttpMethod.DELETE, path, null, token);
    }

    /** Asserts the status, that the answer is problem+json when it is an error, and answers the body. */
    protected static JsonNode expect(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        if (status.isError()) {
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().path("detail").asText()).isNotBlank();
        }
        return response.getBody();
    }

    /** Polls until the answer satisfies {@code done} (views are built asynchronously from the log). */
    protected static ResponseEntity<JsonNode> eventually(Supplier<ResponseEntity<JsonNode>> read,
                                                         Predicate<ResponseEntity<JsonNode>> done) {
        return eventually(read, done, Duration.ofSeconds(30));
    }

    protected static ResponseEntity<JsonNode> eventually(Supplier<ResponseEntity<JsonNode>> read,
                                                         Predicate<ResponseEntity<JsonNode>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ResponseEntity<JsonNode> last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + "; last answer " + last.getStatusCode() + " " + last.getBody());
            }
            sleep(50);
            last = read.get();
        }
        return last;
    }

    protected ResponseEntity<JsonNode> eventuallyOk(String path, String token) {
        return eventually(() -> get(path, token), r -> r.getStatusCode() == HttpStatus.OK);
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- fixtures through the API ----

    protected String createFramework(String teacherToken, String title) {
        JsonNode body = expect(post("/api/frameworks", Map.of("title", title, "subject", "Mathematics", "gradeBand", "6-7"),
                teacherToken), HttpStatus.CREATED);
        return body.get("frameworkId").asText();
    }

    protected String defineCompetency(String frameworkId, String token, String code, List<String> prerequisites) {
        JsonNode body = expect(post("/api/frameworks/" + frameworkId + "/competencies",
                Map.of("code", code, "statement", "Statement of " + code, "prerequisiteIds", prerequisites), token),
                HttpStatus.CREATED);
        return body.get("competencyId").asText();
    }

    protected String createOrganization(String type, String name, String parent) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("type", type, "name", name));
        if (parent != null) {
            body.put("parentOrgId", parent);
        }
        return expect(post("/api/roster/organizations", body, ADMIN), HttpStatus.CREATED).get("orgId").asText();
    }

    protected String createPerson(String role, String given, String family, String schoolId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("role", role, "givenName", given, "familyName", family));
        if (schoolId != null) {
            body.put("schoolId", schoolId);
        }
        return expect(post("/api/roster/people", body, ADMIN), HttpStatus.CREATED).get("personId").asText();
    }

    protected String createCourse(List<String> competencies) {
        return expect(post("/api/courses", Map.of("code", unique("C"), "title", "Course", "subject", "Mathematics",
                "credits", 1.0, "competencyIds", competencies), ADMIN), HttpStatus.CREATED).get("courseId").asText();
    }

    protected String createClass(String schoolId, String courseId, List<String> teacherIds) {
        return expect(post("/api/classes", Map.of("schoolId", schoolId, "courseId", courseId, "title", "Math 6, period 2",
                "term", "Fall 2026", "teacherIds", teacherIds), ADMIN), HttpStatus.CREATED).get("classId").asText();
    }

    /** How many events the log holds for an aggregate. */
    protected long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, aggregateId);
    }
}

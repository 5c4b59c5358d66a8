package org.mastery.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.assessment.competency.query.CompetencyCatalog;
import org.mastery.contracts.curriculum.CompetencyDefined;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.curriculum.MasteryPolicy;
import org.mastery.contracts.curriculum.ProficiencyLevel;
import org.mastery.contracts.curriculum.ProficiencyScale;
import org.mastery.contracts.progression.ProgressionTopics;
import org.mastery.contracts.roster.ClassCreated;
import org.mastery.contracts.roster.RosterTopics;
import org.mastery.contracts.roster.StudentEnrolled;
import org.mastery.contracts.roster.TeacherAssigned;
import org.mastery.testsupport.CloudEventFeeder;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.TestInfrastructure;
import org.mastery.testsupport.UsesInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context every integration test shares: the whole service over the real embedded
 * PostgreSQL and Kafka and the MongoDB stand-in, with a clock tests can move. Each test makes its own
 * students, classes and competencies (fed as curriculum would publish them), so tests never collide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure
@ActiveProfiles("test")
@Import(IntegrationTest.TestClock.class)
public abstract class IntegrationTest {

    static {
        createTopics(CurriculumTopics.FRAMEWORKS, RosterTopics.ORGANIZATIONS, RosterTopics.CLASSES, RosterTopics.ENROLLMENTS,
                ProgressionTopics.DECISIONS);
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.system();
        }
    }

    protected static final Duration WAIT = Duration.ofSeconds(30);
    private static CloudEventFeeder feeder;

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected AccessGuard access;
    @Autowired
    protected CompetencyCatalog catalog;

    protected static synchronized CloudEventFeeder feeder() {
        if (feeder == null) {
            feeder = new CloudEventFeeder();
        }
        return feeder;
    }

    // ---------------------------------------------------------------- HTTP

    protected static String teacherToken(String id) {
        return TestIdentity.token(id, "TEACHER");
    }

    protected static String studentToken(String id) {
        return TestIdentity.token(id, "STUDENT");
    }

    protected ResponseEntity<JsonNode> post(String path, Object body, String token) {
        return exchange(HttpMethod.POST, path, body, token, Map.of());
    }

    protected ResponseEntity<JsonNode> post(String path, Object body, String token, Map<String, String> headers) {
        return exchange(HttpMethod.POST, path, body, token, headers);
    }

    protected ResponseEntity<JsonNode> put(String path, Object body, String token) {
        return exchange(HttpMethod.PUT, path, body, token, Map.of());
    }

    protected ResponseEntity<JsonNode> get(String path, String token) {
        return exchange(HttpMethod.GET, path, null, token, Map.of());
    }

    protected ResponseEntity<JsonNode> exchange(HttpMethod method, String path, Object body, String token, Map<String, String> extra) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        extra.forEach(headers::add);
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    protected static void assertProblem(ResponseEntity<JsonNode> response, int status, String detailContains) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("detail").asText()).contains(detailContains);
    }

    // ---------------------------------------------------------------- the world, as other services publish it

    protected static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A class taught by {@code teacherId} with the students enrolled, fed on the roster streams; waits until applied. */
    protected void classWith(String classId, String teacherId, String... studentIds) {
        feeder().send(RosterTopics.CLASSES, classId, ClassCreated.TYPE, null, new ClassCreated(classId, "sch-1", "crs-1", "Math 6", "fall"));
        feeder().send(RosterTopics.CLASSES, classId, TeacherAssigned.TYPE, null, new TeacherAssigned(classId, teacherId));
        for (String student : studentIds) {
            feeder().send(RosterTopics.ENROLLMENTS, student, StudentEnrolled.TYPE, student, new StudentEnrolled(student, classId));
        }
        Viewer teacher = Viewer.of(teacherId, Role.TEACHER);
        await("roster of " + classId, () -> List.of(studentIds).stream().allMatch(s -> access.policy().canTeachStudent(teacher, s)));
    }

    /** An assessable competency on the standard scale, fed as curriculum publishes it; waits until known. */
    protected String competency(String status) {
        return competency(id("cmp"), status, true);
    }

    protected String competency(String competencyId, String status, boolean assessable) {
        String frameworkId = "fw-" + competencyId;
        List<ProficiencyLevel> levels = new ArrayList<>();
        String[] labels = {"Beginning", "Developing", "Proficient", "Advanced"};
        for (int i = 1; i <= 4; i++) {
            levels.add(new ProficiencyLevel(i, labels[i - 1], null));
        }
        CompetencyDefinition definition = new CompetencyDefinition(competencyId, frameworkId, 1, 1, "MATH." + competencyId,
                "Ratios", "I can use ratios", null, null, "Standard", List.of("06"), assessable, new ProficiencyScale(levels, 3.0),
                new MasteryPolicy(1, "DECAYING_AVERAGE", Map.of("w", 0.65), 2, List.of(), false), List.of(), List.of(), status, null);
        feeder().send(CurriculumTopics.FRAMEWORKS, frameworkId, CompetencyDefined.TYPE, null, new CompetencyDefined(definition));
        await("competency " + competencyId, () -> catalog.find(competencyId).map(c -> c.status().equals(status)).orElse(false));
        return competencyId;
    }

    protected static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** GETs until the answer satisfies {@code done} (read models trail commands by milliseconds). */
    protected JsonNode getUntil(String path, String token, java.util.function.Predicate<ResponseEntity<JsonNode>> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        ResponseEntity<JsonNode> response = get(path, token);
        while (!done.test(response)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("GET " + path + " never satisfied the condition; last answer " + response.getStatusCode()
                        + " " + response.getBody());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            response = get(path, token);
        }
        return response.getBody();
    }

    private static void createTopics(String... topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers());
        try (AdminClient admin = AdminClient.create(props)) {
            List<NewTopic> wanted = new ArrayList<>();
            var existing = admin.listTopics().names().get();
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    wanted.add(new NewTopic(topic, 3, (short) 1));
                }
            }
            admin.createTopics(wanted).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("could not create the topics other services write", e);
        }
    }

    // ---------------------------------------------------------------- assessments

    /** An answer-key assessment: per form, two items per competency (q1, q2 on the first, …), every key "A". */
    protected JsonNode quiz(String token, String type, List<String> competencyIds, int formCount, Map<String, Object> retakePolicy) {
        List<Map<String, Object>> forms = new ArrayList<>();
        for (int f = 0; f < formCount; f++) {
            List<Map<String, Object>> items = new ArrayList<>();
            int n = 1;
            for (String competencyId : competencyIds) {
                for (int k = 0; k < 2; k++) {
                    items.add(Map.of("itemId", "q" + n++, "competencyId", competencyId, "prompt", "Which ratio is equivalent?",
                            "choices", List.of("A", "B", "C"), "answerKey", List.of("A")));
                }
            }
            forms.add(Map.of("formId", "F" + (f + 1), "items", items));
        }
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Ratios check", "type", type, "method", "SELECTED_RESPONSE",
                "scoring", "ANSWER_KEY", "competencyIds", competencyIds, "forms", forms));
        if (retakePolicy != null) {
            body.put("retakePolicy", retakePolicy);
        }
        ResponseEntity<JsonNode> created = post("/api/assessments", body, token);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return created.getBody();
    }

    /** A rubric assessment: one criterion per competency ("c1", "c2", …) with the scale's levels, two forms. */
    protected JsonNode task(String token, String type, String method, List<String> competencyIds) {
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (int i = 0; i < competencyIds.size(); i++) {
            criteria.add(Map.of("criterionId", "c" + (i + 1), "competencyId", competencyIds.get(i), "description", "Reasoning"));
        }
        ResponseEntity<JsonNode> created = post("/api/assessments", Map.of("title", "Ratio project", "type", type, "method", method,
                "scoring", "RUBRIC", "competencyIds", competencyIds,
                "forms", List.of(Map.of("formId", "T1", "instructions", "Plan a recipe for 30"),
                        Map.of("formId", "T2", "instructions", "Compare two phone plans")),
                "rubric", criteria), token);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return created.getBody();
    }

    /** All answers "A" for the first {@code correct} items of the form, "B" for the rest. */
    protected static List<Map<String, String>> responses(JsonNode form, int correct) {
        List<Map<String, String>> responses = new ArrayList<>();
        int i = 0;
        for (JsonNode item : form.path("items")) {
            responses.add(Map.of("itemId", item.path("itemId").asText(), "response", i++ < correct ? "A" : "B"));
        }
        return responses;
    }
}

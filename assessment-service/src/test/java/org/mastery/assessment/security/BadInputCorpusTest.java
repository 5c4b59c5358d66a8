package org.mastery.assessment.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.assessment.IntegrationTest;
import org.mastery.contracts.access.AccessTopics;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.badinput.BadInputSuite;
import org.mastery.testsupport.badinput.StoredRows;
import org.mastery.testsupport.bola.RosterFixture;
import org.mastery.testsupport.http.ApiEndpoints;
import org.mastery.testsupport.http.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bad-input corpus against every write endpoint of assessment: each bad request is a 4xx problem
 * with a detail, nothing is stored (event log; activity mappings, idempotency keys and private attempt
 * records in MongoDB) or published, and the valid request is accepted.
 */
class BadInputCorpusTest extends IntegrationTest {

    static final RosterFixture ROSTER = RosterFixture.create();
    static final String ADMIN = TestIdentity.token(ROSTER.admin, "ADMIN");
    static volatile String competency;
    static volatile String activity;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    String competency() {
        if (competency == null) {
            ROSTER.feed(feeder());
            await("the roster", () -> access.policy().canTeachStudent(Viewer.of(ROSTER.teacherA, Role.TEACHER), ROSTER.studentA));
            competency = competency("PUBLISHED");
        }
        return competency;
    }

    String teacher() {
        return teacherToken(ROSTER.teacherA);
    }

    String quiz() {
        return quiz(ADMIN, "FORMATIVE", List.of(competency()), 2, null).path("assessmentId").asText();
    }

    String rubric() {
        return task(ADMIN, "FORMATIVE", "PERFORMANCE_TASK", List.of(competency())).path("assessmentId").asText();
    }

    String attempt(String assessment, boolean submit, boolean score) {
        ResponseEntity<JsonNode> started = post("/api/attempts", Map.of("studentId", ROSTER.studentA, "assessmentId", assessment), ADMIN);
        assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(201);
        String attempt = started.getBody().path("attemptId").asText();
        if (submit) {
            assertThat(post("/api/attempts/" + attempt + "/submit", Map.of("evidenceUris", List.of("https://portfolio.example.org/w/1")),
                    ADMIN).getStatusCode().value()).isEqualTo(200);
        }
        if (score) {
            assertThat(post("/api/attempts/" + attempt + "/score", Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 2))),
                    ADMIN).getStatusCode().value()).isEqualTo(200);
        }
        return attempt;
    }

    String activity() {
        if (activity == null) {
            String a = "https://tools.example.org/corpus/" + UUID.randomUUID();
            assertThat(put("/api/xapi/activity-mappings", Map.of("activityId", a, "assessmentId", quiz()), ADMIN)
                    .getStatusCode().value()).isEqualTo(200);
            activity = a;
        }
        return activity;
    }

    BadInputSuite suite() {
        var mongoDb = mongo.getDb();
        BadInputSuite suite = BadInputSuite.against(RawHttp.localhost(port), StoredRows.of(dataSource)
                .collection(mongoDb, "xapi_activity_mappings").collection(mongoDb, "idempotency_keys")
                .collection(mongoDb, "attempt_private"));
        suite.post("/api/assessments").as(this::teacher)
                .jsonBody(() -> Map.of("title", "Ratios check", "type", "SUMMATIVE", "method", "SELECTED_RESPONSE", "scoring", "ANSWER_KEY",
                        "competencyIds", List.of(competency()),
                        "forms", List.of(Map.of("formId", "F1", "instructions", "Answer all", "items", List.of(Map.of("itemId", "q1",
                                "competencyId", competency(), "prompt", "2:3 = ?:9", "choices", List.of("6", "5"), "answerKey", List.of("6"))))),
                        "retakePolicy", Map.of("coolDownHours", 24, "practiceUnlocks", true),
                        "masteryThreshold", 0.7))
                .except("unknown id: $.forms[0].formId", "form ids are named by this body, not references")
                .except("unknown id: $.forms[0].items[0].itemId", "item ids are named by this body, not references");
        suite.post("/api/assessments/{id}/retire").as(() -> ADMIN).path(() -> Map.of("id", quiz()));
        suite.post("/api/attempts").as(() -> TestIdentity.token(ROSTER.studentA, "STUDENT"))
                .jsonBody(() -> Map.of("studentId", ROSTER.studentA, "assessmentId", quiz()))
                .headers(Map.of("Idempotency-Key", "corpus-" + UUID.randomUUID()));
        suite.post("/api/attempts/{id}/submit").as(this::teacher).path(() -> Map.of("id", attempt(quiz(), false, false)))
                .jsonBody(() -> Map.of("responses", List.of(Map.of("itemId", "q1", "response", "A")),
                        "evidenceUris", List.of("https://portfolio.example.org/work/7")))
                .except("empty body: empty object", "every field of a submission is optional: handing in nothing is a submission");
        suite.post("/api/attempts/{id}/score").as(this::teacher).path(() -> Map.of("id", attempt(rubric(), true, false)))
                .jsonBody(() -> Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 3)), "feedback", "Clear reasoning"));
        suite.post("/api/attempts/{id}/rescore").as(this::teacher).path(() -> Map.of("id", attempt(rubric(), true, true)))
                .jsonBody(() -> Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 4)), "reasonCode", "SCORING_ERROR",
                        "feedback", "Rescored after moderation"));
        suite.post("/api/attempts/{id}/void").as(this::teacher).path(() -> Map.of("id", attempt(quiz(), false, false)))
                .jsonBody(() -> Map.of("reasonCode", "ADMINISTRATION_ERROR"));
        suite.post("/api/assessments/{id}/observations").as(this::teacher).path(() -> Map.of("id", rubric()))
                .jsonBody(() -> Map.of("observedAt", "2026-11-20T09:00:00Z", "observations", List.of(Map.of("studentId", ROSTER.studentA,
                        "criteria", List.of(Map.of("criterionId", "c1", "level", 3)), "feedback", "Explained it well"))))
                .headers(Map.of("Idempotency-Key", "corpus-" + UUID.randomUUID()));
        suite.post("/api/xapi/statements").as(this::teacher)
                .jsonBody(() -> Map.of("id", UUID.randomUUID().toString(),
                        "actor", Map.of("objectType", "Agent", "account", Map.of("homePage", "https://sis.example.org", "name", ROSTER.studentA)),
                        "verb", Map.of("id", "http://adlnet.gov/expapi/verbs/completed"),
                        "object", Map.of("objectType", "Activity", "id", activity()),
                        "result", Map.of("score", Map.of("scaled", 0.8)),
                        "timestamp", "2026-11-20T09:41:00.000Z"))
                .except("an array instead of an object", "xAPI takes one statement or an array of statements");
        suite.put("/api/xapi/activity-mappings").as(() -> ADMIN)
                .jsonBody(() -> Map.of("activityId", "https://tools.example.org/corpus/" + UUID.randomUUID(), "assessmentId", quiz(),
                        "competencyIds", List.of(competency()), "method", "PERFORMANCE_TASK"));
        return suite;
    }

    @TestFactory
    Stream<DynamicNode> everyWriteEndpointRefusesBadInputAndStoresNothing() {
        return suite().tests(AssessmentTopics.ASSESSMENTS, AssessmentTopics.ATTEMPTS, AssessmentTopics.EVIDENCE,
                AccessTopics.ASSESSMENT_DISCLOSURES);
    }

    @Test
    void theCorpusRunsAgainstEveryWriteEndpoint() {
        suite().assertCovers(ApiEndpoints.writes(mappings));
    }
}

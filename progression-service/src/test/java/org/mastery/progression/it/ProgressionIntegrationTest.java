package org.mastery.progression.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.mastery.access.RosterAccessProjection;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.contracts.assessment.EvidenceRecorded;
import org.mastery.contracts.curriculum.CompetencyDefined;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.curriculum.LearningResource;
import org.mastery.contracts.curriculum.MasteryPolicy;
import org.mastery.contracts.curriculum.ProficiencyLevel;
import org.mastery.contracts.curriculum.ProficiencyScale;
import org.mastery.contracts.curriculum.ProgressionPhase;
import org.mastery.contracts.roster.GuardianLinked;
import org.mastery.contracts.roster.StudentEnrolled;
import org.mastery.contracts.roster.TeacherAssigned;
import org.mastery.testsupport.CloudEventFeeder;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.AfterAll;
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

/**
 * The one Spring context every integration test of the service shares (same annotations, one base
 * class): real PostgreSQL, Kafka broker and the MongoDB stand-in, a settable clock, and helpers that
 * feed curriculum, roster and assessment facts the way the other services publish them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mastery.progression.override-sweep-initial-delay=PT1H", "mastery.progression.snapshot-threshold=25"})
@UsesInfrastructure
@Import(ProgressionIntegrationTest.TestClockConfiguration.class)
public abstract class ProgressionIntegrationTest {

    /** A clock tests move forward. */
    public static final class MovableClock extends Clock {
        private volatile Instant offset = Instant.EPOCH;

        public void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(offset.toEpochMilli());
        }
    }

    @TestConfiguration
    static class TestClockConfiguration {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    protected static final CloudEventFeeder FEED = new CloudEventFeeder();

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected RosterAccessProjection roster;
    @Autowired
    protected MovableClock clock;

    protected static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- curriculum and roster as the other services publish them ----

    protected static CompetencyDefinition competency(String id, int version, String method, Map<String, Double> parameters,
                                                     int minEvidence, List<String> prerequisites) {
        return new CompetencyDefinition(id, "fw-test", 1, version, "CODE." + id, "Statement", "I can " + id,
                "Mastery looks like", null, "Standard", List.of("6"), true,
                new ProficiencyScale(List.of(new ProficiencyLevel(1, "Beginning", ""), new ProficiencyLevel(2, "Developing", ""),
                        new ProficiencyLevel(3, "Proficient", ""), new ProficiencyLevel(4, "Advanced", "")), 3.0),
                new MasteryPolicy(version, method, parameters, minEvidence, List.of(), false), prerequisites,
                List.of(new ProgressionPhase("ph-start", 1, "Starting", 1, 2, List.of(new LearningResource("Intro video", "https://learn.example/intro", "VIDEO"))),
                        new ProgressionPhase("ph-grow", 2, "Growing", 2, 3, List.of(new LearningResource("Practice set", "https://learn.example/practice", "PRACTICE"))),
                        new ProgressionPhase("ph-secure", 3, "Secure", 3, 4, List.of())),
                "PUBLISHED", null);
    }

    protected static void define(CompetencyDefinition definition) {
        FEED.send(CurriculumTopics.FRAMEWORKS, definition.frameworkId(), CompetencyDefined.TYPE, null, new CompetencyDefined(definition));
    }

    /** Sends evidence as assessment-service would; answers the CloudEvent id. */
    protected static String evidence(String studentId, String evidenceId, String competencyId, double score, Instant observedAt,
                                     String type, String assessmentId) {
        return FEED.send(AssessmentTopics.EVIDENCE, studentId, EvidenceRecorded.TYPE, studentId,
                evidenceRecord(studentId, evidenceId, competencyId, score, observedAt, type, assessmentId));
    }

    protected static EvidenceRecorded evidenceRecord(String studentId, String evidenceId, String competencyId, double score,
                                                     Instant observedAt, String type, String assessmentId) {
        return new EvidenceRecorded(evidenceId, studentId, competencyId, score, "SELECTED_RESPONSE", type, assessmentId,
                null, null, "tch-scorer", observedAt, observedAt.plusSeconds(3600), null);
    }

    protected void enroll(String studentId, String classId, String teacherId) {
        roster.apply(new TeacherAssigned(classId, teacherId));
        roster.apply(new StudentEnrolled(studentId, classId));
    }

    protected void linkGuardian(String studentId, String guardianId) {
        roster.apply(new GuardianLinked(studentId, guardianId, "parent"));
    }

    // ---- HTTP ----

    protected static HttpHeaders bearer(String subject, String... roles) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestIdentity.token(subject, roles));
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    protected ResponseEntity<JsonNode> get(String path, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    protected ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body, HttpHeaders headers) {
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    protected JsonNode progression(String studentId) {
        return get("/api/students/" + studentId + "/progression", bearer("admin-1", "ADMIN")).getBody();
    }

    protected static JsonNode competencyOf(JsonNode progression, String competencyId) {
        for (JsonNode c : progression.path("competencies")) {
            if (competencyId.equals(c.path("competencyId").asText())) {
                return c;
            }
        }
        return null;
    }

    /** Polls the student's progression until the condition holds. */
    protected JsonNode awaitProgression(String studentId, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = progression(studentId);
            if (last != null && condition.test(last)) {
                return last;
            }
            pause(150);
        }
        throw new AssertionError("progression of " + studentId + " never met the condition; last: " + last);
    }

    protected static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.mastery.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mastery.assessment.attempt.domain.AttemptIds;
import org.mastery.assessment.attempt.domain.AttemptStarted;
import org.mastery.contracts.progression.InterventionRecommended;
import org.mastery.contracts.progression.ProgressionTopics;
import org.mastery.contracts.progression.ReassessmentUnlocked;
import org.mastery.testsupport.TestIdentity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The attempt endpoints over HTTP: start, submit, score, rescore, void, read, the scoring queue. */
class AttemptHttpTest extends IntegrationTest {

    @Autowired
    EventStore eventStore;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A teacher, a class, two students in it and a stranger in another class, and a competency pair. */
    record World(String teacherId, String teacher, String studentId, String student, String classmateId, String strangerId,
                 String classId, String a, String b) {
    }

    World world() {
        String teacherId = id("tch");
        String studentId = id("stu");
        String classmateId = id("stu");
        String strangerId = id("stu");
        String classId = id("cls");
        classWith(classId, teacherId, studentId, classmateId);
        classWith(id("cls"), id("tch"), strangerId);
        return new World(teacherId, teacherToken(teacherId), studentId, studentToken(studentId), classmateId, strangerId, classId,
                competency("PUBLISHED"), competency("PUBLISHED"));
    }

    ResponseEntity<JsonNode> start(String studentId, String assessmentId, String token) {
        return post("/api/attempts", Map.of("studentId", studentId, "assessmentId", assessmentId), token);
    }

    long attemptsStarted(String studentId, String assessmentId) {
        return eventStore.readEvents(AttemptIds.seriesId(studentId, assessmentId)).asStream()
                .filter(e -> e.getPayload() instanceof AttemptStarted).count();
    }

    @Test
    void aStudentStartsTheirOwnAttemptAndIsGivenAFormWithoutItsAnswerKey() {
        World w = world();
        String assessment = quiz(w.teacher(), "FORMATIVE", List.of(w.a(), w.b()), 3, null).path("assessmentId").asText();
        ResponseEntity<JsonNode> started = start(w.studentId(), assessment, w.student());
        assertThat(started.getStatusCode().value()).isEqualTo(201);
        JsonNode attempt = started.getBody();
        assertThat(started.getHeaders().getLocation()).hasToString("/api/attempts/" + attempt.path("attemptId").asText());
        assertThat(attempt.path("attemptNumber").asInt()).isEqualTo(1);
        assertThat(attempt.path("status").asText()).isEqualTo("STARTED");
        assertThat(attempt.path("formId").asText()).isIn("F1", "F2", "F3");
        assertThat(attempt.at("/form/items")).hasSize(4);
        assertThat(attempt.toString()).doesNotContain("answerKey").doesNotContain("acceptedAnswers");

        JsonNode read = getUntil("/api/attempts/" + attempt.path("attemptId").asText(), w.student(), r -> r.getStatusCode().value() == 200);
        assertThat(read.path("studentId").asText()).isEqualTo(w.studentId());
        assertThat(read.path("formId").asText()).isEqualTo(attempt.path("formId").asText());
    }

    @Test
    void aRetriedStartWithTheSameIdempotencyKeyYieldsOneAttempt() throws Exception {
        World w = world();
        String assessment = quiz(w.teacher(), "FORMATIVE", List.of(w.a()), 2, null).path("assessmentId").asText();
        Map<String, String> key = Map.of("Idempotency-Key", "start-" + w.studentId());
        ResponseEntity<JsonNode> first = post("/api/attempts", Map.of("studentId", w.studentId(), "assessmentId", assessment), w.student(), key);
        ResponseEntity<JsonNode> retry = post("/api/attempts", Map.of("studentId", w.studentId(), "assessmentId", assessment), w.student(), key);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getStatusCode().value()).isEqualTo(201);
        assertThat(retry.getBody().path("attemptId").asText()).isEqualTo(first.getBody().path("attemptId").asText());
        assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(attemptsStarted(w.studentId(), assessment)).isEqualTo(1);

        // retries racing each other still start one attempt
        String other = quiz(w.teacher(), "FORMATIVE", List.of(w.a()), 2, null).path("assessmentId").asText();
        Map<String, String> raceKey = Map.of("Idempotency-Key", "race-" + w.studentId());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ResponseEntity<JsonNode>>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> post("/api/attempts", Map.of("studentId", w.studentId(), "assessmentId", other), w.student(), raceKey));
            }
            List<String> ids = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : pool.invokeAll(calls)) {
                assertThat(answer.get().getStatusCode().value()).as("%s", answer.get().getBody()).isEqualTo(201);
                ids.add(answer.get().getBody().path("attemptId").asText());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdown();
        }
        assertThat(attemptsStarted(w.studentId(), other)).isEqualTo(1);

        // the same key for another request is refused; a malformed key is a bad request
        assertProblem(post("/api/attempts", Map.of("studentId", w.studentId(), "assessmentId", other), w.student(), key),
                422, "already used for a different request");
        assertProblem(post("/api/attempts", Map.of("studentId", w.studentId(), "assessmentId", other), w.student(),
                Map.of("Idempotency-Key", "with space")), 400, "Idempotency-Key");
    }

    @Test
    void startingIsAuthorizedPerStudent() {
        World w = world();
        String assessment = quiz(w.teacher(), "FORMATIVE", List.of(w.a()), 2, null).path("assessmentId").asText();
        assertProblem(start(w.classmateId(), assessment, w.student()), 404, "No student with id " + w.classmateId());
        assertProblem(start(w.strangerId(), assessment, w.teacher()), 404, "No student with id " + w.strangerId());
        assertProblem(start(w.studentId(), assessment, TestIdentity.token("aud-1", "AUDITOR")), 403, "read-only");
        assertProblem(start(w.studentId(), assessment, TestIdentity.token(id("grd"), "GUARDIAN")), 404, "No student");
        assertThat(start(w.classmateId(), assessment, w.teacher()).getStatusCode().value()).isEqualTo(201);
        assertProblem(start(w.studentId(), "asm-unknown", w.student()), 404, "No assessment with id asm-unknown");
        assertProblem(post("/api/attempts", Map.of("assessmentId", assessment), w.student()), 400, "studentId");
    }

    @Test
    void anAnswerKeyAttemptIsScoredOnSubmissionAndCanBeReadBack() {
        World w = world();
        String assessment = quiz(w.teacher(), "FORMATIVE", List.of(w.a(), w.b()), 2, null).path("assessmentId").asText();
        JsonNode started = start(w.studentId(), assessment, w.student()).getBody();
        String attemptId = started.path("attemptId").asText();
        // q1, q2 on a right (2/2 -> 4); q3 right, q4 wrong on b (1/2 -> 2)
        ResponseEntity<JsonNode> submitted = post("/api/attempts/" + attemptId + "/submit",
                Map.of("responses", responses(started.path("form"), 3)), w.student());
        assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isEqualTo(200);
        assertThat(submitted.getBody().path("status").asText()).isEqualTo("SCORED");
        assertThat(submitted.getBody().path("passed").asBoolean()).isFalse();
        assertThat(submitted.getBody().at("/scores/0/score").asDouble()).isEqualTo(4.0);
        assertThat(submitted.getBody().at("/scores/1/score").asDouble()).isEqualTo(2.0);

        JsonNode read = getUntil("/api/attempts/" + attemptId, w.teacher(), r -> "SCORED".equals(r.getBody().path("status").asText()));
        assertThat(read.path("itemResults")).hasSize(4);
        assertThat(read.path("scorerId").asText()).isEqualTo("auto");
        assertThat(read.path("responses").path("q4").asText()).isEqualTo("B");
        assertThat(read.path("submittedAt").asText()).isEqualTo(submitted.getBody().path("submittedAt").asText());

        assertProblem(post("/api/attempts/" + attemptId + "/submit", Map.of("responses", responses(started.path("form"), 4)), w.student()),
                409, "already submitted");
        assertProblem(get("/api/attempts/" + attemptId, studentToken(w.classmateId())), 404, "No attempt with id " + attemptId);
    }

    @Test
    void submissionsAreValidated() {
        World w = world();
        String assessment = quiz(w.teacher(), "FORMATIVE", List.of(w.a()), 1, null).path("assessmentId").asText();
        String attemptId = start(w.studentId(), assessment, w.student()).getBody().path("attemptId").asText();
        String submit = "/api/attempts/" + attemptId + "/submit";
        assertProblem(post(submit, Map.of("responses", List.of(Map.of("itemId", "q77", "response", "A"))), w.student()), 400, "q77");
        assertProblem(post(submit, Map.of("responses", List.of(Map.of("itemId", "q1", "response", "A"),
                Map.of("itemId", "q1", "response", "B"))), w.student()), 400, "more than one response");
        assertProblem(post(submit, Map.of("evidenceUris", List.of("file:///etc/passwd")), w.student()), 400, "http(s)");
        assertProblem(post(submit, Map.of("responses", List.of()), studentToken(w.classmateId())), 404, "No attempt");
        assertProblem(post("/api/attempts/" + AttemptIds.attemptId(AttemptIds.seriesId("x", "y"), 1) + "/submit", Map.of(), w.teacher()),
                404, "No attempt");
        assertProblem(post("/api/attempts/not-an-attempt/submit", Map.of(), w.teacher()), 404, "No attempt with id not-an-attempt");
        String other = AttemptIds.attemptId(AttemptIds.seriesId(w.studentId(), assessment), 2);
        assertProblem(post("/api/attempts/" + other + "/submit", Map.of(), w.student()), 404, "No attempt with id " + other);
        assertProblem(post("/api/attempts/" + other + "/void", Map.of("reasonCode", "X"), w.teacher()), 404, "No attempt with id " + other);
        assertProblem(post("/api/attempts/" + attemptId + "/rescore", Map.of("itemCredits", List.of(Map.of("itemId", "q1", "correct", true)),
                "reasonCode", "X"), teacherToken(id("tch"))), 404, "No attempt with id " + attemptId);
        assertProblem(post("/api/attempts/" + attemptId + "/score", Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 3))),
                studentToken(w.strangerId())), 404, "No attempt with id " + attemptId);
    }

    @Test
    void aFailedSummativeRetakeIsRefusedUntilTheCoolDownEnds() {
        World w = world();
        String assessment = quiz(w.teacher(), "SUMMATIVE", List.of(w.a(), w.b()), 2, null).path("assessmentId").asText();
        JsonNode first = start(w.studentId(), assessment, w.student()).getBody();
        JsonNode scored = post("/api/attempts/" + first.path("attemptId").asText() + "/submit",
                Map.of("responses", responses(first.path("form"), 2)), w.student()).getBody();
        assertThat(scored.path("passed").asBoolean()).isFalse();
        Instant retakeAt = Instant.parse(scored.path("retakeAvailableAt").asText());
        assertThat(Duration.between(Instant.parse(scored.path("scoredAt").asText()), retakeAt)).isEqualTo(Duration.ofHours(24));

        ResponseEntity<JsonNode> refused = start(w.studentId(), assessment, w.student());
        assertProblem(refused, 409, "allowed from " + retakeAt);
        JsonNode problem = refused.getBody();
        assertThat(problem.path("retryAfter").asText()).isEqualTo(retakeAt.toString());
        assertThat(problem.path("failedAttemptId").asText()).isEqualTo(first.path("attemptId").asText());
        assertThat(problem.at("/unlockedBy/0/kind").asText()).isEqualTo("COOL_DOWN_ENDS");
        assertThat(problem.at("/unlockedBy/1/kind").asText()).isEqualTo("PRACTICE_COMPLETED");
        assertThat(problem.at("/unlockedBy/1/competencyIds").toString()).contains(w.b()).doesNotContain(w.a());
        assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(23 * 3600L, 24 * 3600L);

        clock.advance(Duration.ofHours(24).plusMinutes(1));
        ResponseEntity<JsonNode> retake = start(w.studentId(), assessment, w.student());
        assertThat(retake.getStatusCode().value()).as("%s", retake.getBody()).isEqualTo(201);
        assertThat(retake.getBody().path("attemptNumber").asInt()).isEqualTo(2);
        assertThat(retake.getBody().path("formId").asText()).isNotEqualTo(first.path("formId").asText());
    }

    @Test
    void completedPracticeFedByProgressionUnlocksTheRetakeEarly() {
        World w = world();
        String assessment = quiz(w.teacher(), "SUMMATIVE", List.of(w.a(), w.b()), 3, null).path("assessmentId").asText();
        JsonNode first = start(w.studentId(), assessment, w.student()).getBody();
        post("/api/attempts/" + first.path("attemptId").asText() + "/submit", Map.of("responses", responses(first.path("form"), 2)), w.student());

        // progression assigns practice on the competency the student fell short on: the refusal names it
        String intervention = id("int");
        feeder().send(ProgressionTopics.DECISIONS, w.studentId(), InterventionRecommended.TYPE, w.studentId(),
                new InterventionRecommended(intervention, w.studentId(), w.b(), "CONSECUTIVE_BELOW_CUT", List.of()));
        await("assigned practice", () -> start(w.studentId(), assessment, w.student()).getBody().toString().contains(intervention));
        JsonNode problem = start(w.studentId(), assessment, w.student()).getBody();
        assertThat(problem.at("/unlockedBy/1/assignedPractice/0/competencyId").asText()).isEqualTo(w.b());

        // progression decides the practice is done; the same decision delivered twice is applied once
        String unlockId = id("evt");
        ReassessmentUnlocked unlocked = new ReassessmentUnlocked(w.studentId(), assessment, w.b(), "PRACTICE_COMPLETED");
        feeder().send(ProgressionTopics.DECISIONS, w.studentId(), unlockId, ReassessmentUnlocked.TYPE, w.studentId(), unlocked);
        feeder().send(ProgressionTopics.DECISIONS, w.studentId(), unlockId, ReassessmentUnlocked.TYPE, w.studentId(), unlocked);
        await("retake unlocked", () -> start(w.studentId(), assessment, w.student()).getStatusCode().value() == 201);
        assertThat(attemptsStarted(w.studentId(), assessment)).isEqualTo(2);
        JsonNode firstAttempt = getUntil("/api/attempts/" + first.path("attemptId").asText(), w.teacher(),
                r -> r.getBody().path("practisedCompetencies").size() == 1);
        assertThat(firstAttempt.path("practisedCompetencies").get(0).asText()).isEqualTo(w.b());
    }

    @Test
    void aRubricAttemptWaitsInTheTeachersQueueOldestFirstAndIsScoredWithFeedback() {
        World w = world();
        String assessment = task(w.teacher(), "SUMMATIVE", "PROJECT", List.of(w.a(), w.b())).path("assessmentId").asText();
        String other = task(w.teacher(), "FORMATIVE", "PRESENTATION", List.of(w.a())).path("assessmentId").asText();
        String mine = start(w.studentId(), assessment, w.student()).getBody().path("attemptId").asText();
        String classmates = start(w.classmateId(), other, studentToken(w.classmateId())).getBody().path("attemptId").asText();
        ResponseEntity<JsonNode> submitted = post("/api/attempts/" + mine + "/submit",
                Map.of("evidenceUris", List.of("https://portfolio.example.org/w/123")), w.student());
        assertThat(submitted.getBody().path("status").asText()).isEqualTo("SUBMITTED");
        clock.advance(Duration.ofMinutes(5));
        post("/api/attempts/" + classmates + "/submit", Map.of("responses", List.of(Map.of("itemId", "notes", "response", "slides"))),
                studentToken(w.classmateId()));

        JsonNode queue = getUntil("/api/attempts/scoring-queue", w.teacher(), r -> r.getBody().path("attempts").size() == 2);
        assertThat(queue.path("attempts").findValuesAsText("attemptId")).containsExactly(mine, classmates);
        assertThat(queue.at("/attempts/0/assessmentTitle").asText()).isEqualTo("Ratio project");
        assertThat(get("/api/attempts/scoring-queue", teacherToken(id("tch"))).getBody().path("attempts")).isEmpty();
        assertThat(get("/api/attempts/scoring-queue?classId=" + w.classId(), w.teacher()).getBody().path("attempts")).hasSize(2);
        assertProblem(get("/api/attempts/scoring-queue", w.student()), 403, "role");
        assertProblem(get("/api/attempts/scoring-queue", TestIdentity.token("adm-1", "ADMIN")), 400, "classId");
        assertProblem(get("/api/attempts/scoring-queue?classId=" + w.classId(), teacherToken(id("tch"))), 404, "No class");
        assertThat(get("/api/attempts/scoring-queue?classId=" + w.classId(), TestIdentity.token("aud-1", "AUDITOR"))
                .getBody().path("attempts")).hasSize(2);

        String score = "/api/attempts/" + mine + "/score";
        List<Map<String, Object>> levels = List.of(Map.of("criterionId", "c1", "level", 3), Map.of("criterionId", "c2", "level", 4));
        assertProblem(post(score, Map.of("criteria", levels), w.student()), 403, "teacher");
        assertProblem(post(score, Map.of("criteria", levels), teacherToken(id("tch"))), 404, "No attempt");
        assertProblem(post(score, Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 7))), w.teacher()), 400, "criterion c1 has no level 7");
        assertProblem(post(score, Map.of("criteria", List.of()), w.teacher()), 400, "criteria");
        ResponseEntity<JsonNode> scored = post(score, Map.of("criteria", levels, "feedback", "Clear table; label the units."), w.teacher());
        assertThat(scored.getStatusCode().value()).as("%s", scored.getBody()).isEqualTo(200);
        assertThat(scored.getBody().path("passed").asBoolean()).isTrue();
        assertProblem(post(score, Map.of("criteria", levels), w.teacher()), 409, "already scored");

        JsonNode read = getUntil("/api/attempts/" + mine, w.student(), r -> "SCORED".equals(r.getBody().path("status").asText()));
        assertThat(read.at("/feedback/0/text").asText()).isEqualTo("Clear table; label the units.");
        assertThat(read.path("evidenceUris").get(0).asText()).isEqualTo("https://portfolio.example.org/w/123");
        assertThat(read.path("criterionScores")).hasSize(2);
        getUntil("/api/attempts/scoring-queue", w.teacher(), r -> r.getBody().path("attempts").size() == 1);
    }

    @Test
    void voidingAndRescoringAreNewActionsOnTheAttempt() {
        World w = world();
        String assessment = task(w.teacher(), "FORMATIVE", "PERFORMANCE_TASK", List.of(w.a())).path("assessmentId").asText();
        String attemptId = start(w.studentId(), assessment, w.student()).getBody().path("attemptId").asText();
        post("/api/attempts/" + attemptId + "/submit", Map.of(), w.student());
        post("/api/attempts/" + attemptId + "/score", Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 2))), w.teacher());

        assertProblem(post("/api/attempts/" + attemptId + "/rescore", Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 3))),
                w.teacher()), 400, "reasonCode");
        ResponseEntity<JsonNode> rescored = post("/api/attempts/" + attemptId + "/rescore", Map.of("criteria",
                List.of(Map.of("criterionId", "c1", "level", 3)), "reasonCode", "SCORING_ERROR", "feedback", "Rechecked"), w.teacher());
        assertThat(rescored.getStatusCode().value()).as("%s", rescored.getBody()).isEqualTo(200);
        assertThat(rescored.getBody().path("scoringRound").asInt()).isEqualTo(2);
        assertThat(rescored.getBody().at("/scores/0/score").asDouble()).isEqualTo(3.0);

        assertProblem(post("/api/attempts/" + attemptId + "/void", Map.of("reasonCode", "ADMINISTRATION_ERROR"), w.student()), 403, "teacher");
        assertProblem(post("/api/attempts/" + attemptId + "/void", Map.of("reasonCode", "oops"), w.teacher()), 400, "reasonCode");
        ResponseEntity<JsonNode> voided = post("/api/attempts/" + attemptId + "/void", Map.of("reasonCode", "ADMINISTRATION_ERROR"), w.teacher());
        assertThat(voided.getBody().path("status").asText()).isEqualTo("VOIDED");
        assertProblem(post("/api/attempts/" + attemptId + "/void", Map.of("reasonCode", "ADMINISTRATION_ERROR"), w.teacher()), 409, "already voided");
        assertProblem(post("/api/attempts/" + attemptId + "/rescore", Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 4)),
                "reasonCode", "SCORING_ERROR"), w.teacher()), 409, "voided");

        JsonNode read = getUntil("/api/attempts/" + attemptId, w.teacher(), r -> "VOIDED".equals(r.getBody().path("status").asText()));
        assertThat(read.at("/voided/reasonCode").asText()).isEqualTo("ADMINISTRATION_ERROR");
        assertThat(read.at("/rescores/0/round").asInt()).isEqualTo(2);
        assertThat(read.at("/rescores/0/supersededEvidenceIds")).hasSize(1);
        assertThat(read.path("feedback").findValuesAsText("text")).containsExactly("Rechecked");
    }

    @Test
    void anAnswerKeyAttemptIsRescoredByCreditingItems() {
        World w = world();
        String assessment = quiz(w.teacher(), "FORMATIVE", List.of(w.a()), 1, null).path("assessmentId").asText();
        JsonNode started = start(w.studentId(), assessment, w.student()).getBody();
        String attemptId = started.path("attemptId").asText();
        post("/api/attempts/" + attemptId + "/submit", Map.of("responses", responses(started.path("form"), 1)), w.student());
        assertProblem(post("/api/attempts/" + attemptId + "/score", Map.of("criteria", List.of(Map.of("criterionId", "c1", "level", 3))),
                w.teacher()), 409, "answer key");
        ResponseEntity<JsonNode> rescored = post("/api/attempts/" + attemptId + "/rescore",
                Map.of("itemCredits", List.of(Map.of("itemId", "q2", "correct", true)), "reasonCode", "AMBIGUOUS_ITEM"), w.teacher());
        assertThat(rescored.getStatusCode().value()).as("%s", rescored.getBody()).isEqualTo(200);
        assertThat(rescored.getBody().at("/scores/0/score").asDouble()).isEqualTo(4.0);
    }

    @Test
    void aTeacherScoresAnObservationOfAGroupInOneRequest() {
        World w = world();
        String assessment = task(w.teacher(), "FORMATIVE", "OBSERVATION", List.of(w.a())).path("assessmentId").asText();
        String observedAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        Map<String, Object> batch = Map.of("observedAt", observedAt, "observations", List.of(
                Map.of("studentId", w.studentId(), "criteria", List.of(Map.of("criterionId", "c1", "level", 3)), "feedback", "Explained well"),
                Map.of("studentId", w.classmateId(), "criteria", List.of(Map.of("criterionId", "c1", "level", 2)))));
        Map<String, String> key = Map.of("Idempotency-Key", "obs-" + w.classId());
        ResponseEntity<JsonNode> recorded = post("/api/assessments/" + assessment + "/observations", batch, w.teacher(), key);
        assertThat(recorded.getStatusCode().value()).as("%s", recorded.getBody()).isEqualTo(201);
        assertThat(recorded.getBody().path("attempts")).hasSize(2);
        assertThat(recorded.getBody().path("attempts").findValuesAsText("status")).containsOnly("SCORED");
        assertThat(recorded.getBody().at("/attempts/0/submittedAt").asText()).isEqualTo(observedAt);
        ResponseEntity<JsonNode> retried = post("/api/assessments/" + assessment + "/observations", batch, w.teacher(), key);
        assertThat(retried.getBody().path("attempts").findValuesAsText("attemptId"))
                .isEqualTo(recorded.getBody().path("attempts").findValuesAsText("attemptId"));
        assertThat(attemptsStarted(w.studentId(), assessment)).isEqualTo(1);
        assertThat(attemptsStarted(w.classmateId(), assessment)).isEqualTo(1);
    }

    @Test
    void anObservationBatchWithAStudentOutsideTheTeachersClassesRecordsNothing() {
        World w = world();
        String assessment = task(w.teacher(), "FORMATIVE", "OBSERVATION", List.of(w.a())).path("assessmentId").asText();
        Map<String, Object> batch = Map.of("observations", List.of(
                Map.of("studentId", w.studentId(), "criteria", List.of(Map.of("criterionId", "c1", "level", 3))),
                Map.of("studentId", w.strangerId(), "criteria", List.of(Map.of("criterionId", "c1", "level", 2)))));
        assertProblem(post("/api/assessments/" + assessment + "/observations", batch, w.teacher()), 404, "No student with id " + w.strangerId());
        Map<String, Object> badLevel = Map.of("observations", List.of(
                Map.of("studentId", w.studentId(), "criteria", List.of(Map.of("criterionId", "c1", "level", 3))),
                Map.of("studentId", w.classmateId(), "criteria", List.of(Map.of("criterionId", "c1", "level", 9)))));
        assertProblem(post("/api/assessments/" + assessment + "/observations", badLevel, w.teacher()), 400, "observations[1]");
        assertThat(attemptsStarted(w.studentId(), assessment)).isZero();
        String quiz = quiz(w.teacher(), "FORMATIVE", List.of(w.a()), 1, null).path("assessmentId").asText();
        assertProblem(post("/api/assessments/" + quiz + "/observations", Map.of("observations", List.of(
                Map.of("studentId", w.studentId(), "criteria", List.of(Map.of("criterionId", "c1", "level", 3))))), w.teacher()), 400, "rubric");
        assertProblem(post("/api/assessments/asm-nope/observations", batch, w.teacher()), 404, "No assessment");
        assertProblem(post("/api/assessments/" + assessment + "/observations", batch, w.student()), 403, "role");
    }
}

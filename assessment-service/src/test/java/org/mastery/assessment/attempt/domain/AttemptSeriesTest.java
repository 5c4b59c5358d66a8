package org.mastery.assessment.attempt.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastery.assessment.Specs.CMP_A;
import static org.mastery.assessment.Specs.CMP_B;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mastery.assessment.MutableClock;
import org.mastery.assessment.Specs;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.assessment.domain.AssessmentSpec;
import org.mastery.assessment.assessment.domain.AssessmentType;
import org.mastery.assessment.assessment.domain.RetakePolicy;
import org.mastery.assessment.assessment.domain.ScoringKind;
import org.mastery.assessment.evidence.domain.EvidenceIds;
import org.mastery.assessment.evidence.domain.EvidenceRecorded;
import org.mastery.assessment.evidence.domain.EvidenceVoidReason;
import org.mastery.assessment.evidence.domain.EvidenceVoided;

/** Every rule of a student's attempts on one assessment, given/when/then. */
class AttemptSeriesTest {

    static final String STUDENT = "stu-1";
    static final String TEACHER = "tch-1";
    static final String ASSESSMENT = "asm-1";
    static final String SERIES = AttemptIds.seriesId(STUDENT, ASSESSMENT);
    static final String ATTEMPT_1 = AttemptIds.attemptId(SERIES, 1);
    static final String ATTEMPT_2 = AttemptIds.attemptId(SERIES, 2);
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    static final AssessmentSpec SUMMATIVE_QUIZ = Specs.quiz(ASSESSMENT, AssessmentType.SUMMATIVE, 3);
    static final AssessmentSpec FORMATIVE_QUIZ = Specs.quiz(ASSESSMENT, AssessmentType.FORMATIVE, 3);
    static final AssessmentSpec SUMMATIVE_TASK = Specs.task(ASSESSMENT, AssessmentType.SUMMATIVE, AssessmentMethod.PERFORMANCE_TASK);

    /** all of cmp-a right (4/4 → 4), half of cmp-b (2/4 → 2): failed */
    static final Map<String, String> HALF_OF_B = Map.of("q1", "A", "q2", "a", "q3", " A ", "q4", "A", "q5", "A", "q6", "A", "q7", "B");
    /** 4/4 on cmp-a, 3/4 on cmp-b (0.75 → 3): passed */
    static final Map<String, String> PASSING = Map.of("q1", "A", "q2", "A", "q3", "A", "q4", "A", "q5", "A", "q6", "A", "q7", "A", "q8", "C");

    AggregateTestFixture<AttemptSeries> fixture;
    MutableClock clock;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AttemptSeries.class);
        clock = MutableClock.at(T0);
        fixture.registerInjectableResource(clock);
    }

    static StartAttempt start(AssessmentSpec spec) {
        return new StartAttempt(SERIES, STUDENT, spec, STUDENT, null);
    }

    static AttemptStarted started(int number, String formId, Instant at) {
        return new AttemptStarted(SERIES, AttemptIds.attemptId(SERIES, number), STUDENT, ASSESSMENT, number, formId, STUDENT, at, null);
    }

    static AttemptSubmitted submitted(int number, Instant at, boolean awaitingScoring) {
        return new AttemptSubmitted(SERIES, AttemptIds.attemptId(SERIES, number), STUDENT, ASSESSMENT, number,
                awaitingScoring ? "T1" : "A", STUDENT, at, awaitingScoring, 8, 0);
    }

    /** A first scoring of attempt {@code number} with the given levels on cmp-a and cmp-b. */
    static AttemptScored scored(int number, AssessmentSpec spec, double a, double b, Instant submittedAt, Instant scoredAt) {
        String attemptId = AttemptIds.attemptId(SERIES, number);
        List<CompetencyResult> scores = List.of(
                new CompetencyResult(CMP_A, a, 3.0, EvidenceIds.forAttempt(attemptId, 1, CMP_A)),
                new CompetencyResult(CMP_B, b, 3.0, EvidenceIds.forAttempt(attemptId, 1, CMP_B)));
        boolean passed = a >= 3 && b >= 3;
        Instant lockedUntil = spec.summative() && !passed
                ? scoredAt.plus(Duration.ofHours(spec.retakePolicy().coolDownHours())) : null;
        return new AttemptScored(SERIES, attemptId, STUDENT, ASSESSMENT, spec.type(), spec.method(), spec.scoring(), 1, scores,
                List.of(), List.of(), "auto", submittedAt, scoredAt, passed, lockedUntil, spec.retakePolicy().practiceUnlocks());
    }

    /** Attempt 1 on form A, submitted and scored at T0 with the given levels. */
    static List<Object> firstAttemptScored(AssessmentSpec spec, double a, double b) {
        return List.of(started(1, "A", T0.minusSeconds(1800)), submitted(1, T0, false), scored(1, spec, a, b, T0, T0));
    }

    @Nested
    class FormRotationRule {

        @Test
        void theFirstAttemptIsNumberOneAndGetsOneOfTheForms() {
            String form = FormRotation.next(List.of("A", "B", "C"), List.of(), STUDENT);
            assertThat(form).isIn("A", "B", "C");
            fixture.givenNoPriorActivity()
                    .when(start(SUMMATIVE_QUIZ))
                    .expectEvents(started(1, form, T0))
                    .expectResultMessagePayload(new AttemptSnapshot(ATTEMPT_1, STUDENT, ASSESSMENT, 1, form,
                            AttemptStatus.STARTED, 0, T0, null, null, List.of(), null, null, false));
        }

        @Test
        void aRetakeGetsAFormTheStudentHasNotSeen() {
            fixture.given(firstAttemptScored(FORMATIVE_QUIZ, 4, 4))
                    .when(start(FORMATIVE_QUIZ))
                    .expectEvents(started(2, "B", T0));
        }

        @Test
        void unseenFormsComeFirstEvenWhenTheLastFormWasNotTheFirstOne() {
            fixture.given(started(1, "C", T0.minusSeconds(600)), new AttemptVoided(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, "ADMINISTRATION_ERROR", TEACHER, T0))
                    .when(start(FORMATIVE_QUIZ))
                    .expectEvents(started(2, "A", T0));
        }

        @Test
        void onceEveryFormIsSeenTheLeastRecentlySeenOneIsGivenNeverThePreviousOne() {
            List<Object> history = new ArrayList<>();
            String[] forms = {"A", "B", "C"};
            for (int n = 1; n <= 3; n++) {
                Instant at = T0.minus(Duration.ofDays(4 - n));
                history.add(started(n, forms[n - 1], at));
                history.add(submitted(n, at, false));
                history.add(scored(n, FORMATIVE_QUIZ, 4, 4, at, at));
            }
            fixture.given(history)
                    .when(start(FORMATIVE_QUIZ))
                    .expectEvents(started(4, "A", T0));
        }

        @Test
        void withASingleFormEveryAttemptGetsIt() {
            AssessmentSpec oneForm = Specs.quiz(ASSESSMENT, AssessmentType.FORMATIVE, 1);
            fixture.given(firstAttemptScored(oneForm, 4, 4))
                    .when(start(oneForm))
                    .expectEvents(started(2, "A", T0));
        }

        @Test
        void aNewAttemptIsRefusedWhileOneIsInProgress() {
            fixture.given(started(1, "A", T0))
                    .when(start(FORMATIVE_QUIZ))
                    .expectNoEvents()
                    .expectException(AttemptConflictException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("still in progress"));
        }

        @Test
        void aSummativeRetakeWaitsForThePreviousAttemptToBeScored() {
            fixture.given(started(1, "T1", T0), submitted(1, T0, true))
                    .when(start(SUMMATIVE_TASK))
                    .expectNoEvents()
                    .expectException(AttemptConflictException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("awaits scoring"));
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRepeatedRequestKeyAnswersTheSameAttemptAndRecordsNothing() {
            AttemptStarted first = new AttemptStarted(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, 1, "A", STUDENT, T0, "key-1");
            fixture.given(first)
                    .when(new StartAttempt(SERIES, STUDENT, FORMATIVE_QUIZ, STUDENT, "key-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new AttemptSnapshot(ATTEMPT_1, STUDENT, ASSESSMENT, 1, "A", AttemptStatus.STARTED, 0,
                            T0, null, null, List.of(), null, null, true));
        }

        @Test
        void aDifferentKeyIsANewRequest() {
            fixture.given(firstAttemptScored(FORMATIVE_QUIZ, 4, 4))
                    .when(new StartAttempt(SERIES, STUDENT, FORMATIVE_QUIZ, STUDENT, "key-2"))
                    .expectEvents(new AttemptStarted(SERIES, ATTEMPT_2, STUDENT, ASSESSMENT, 2, "B", STUDENT, T0, "key-2"));
        }

        @Test
        void aRepeatedObservationKeyRecordsNothing() {
            AttemptStarted first = new AttemptStarted(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, 1, "T1", TEACHER, T0, "obs-key");
            fixture.given(first)
                    .when(new RecordObservation(SERIES, STUDENT, SUMMATIVE_TASK, Map.of("a1", 3, "a2", 3, "b1", 3), T0, TEACHER, "obs-key"))
                    .expectNoEvents();
        }
    }

    @Nested
    class RetakeProtocol {

        @Test
        void aRetakeAfterAFailedSummativeAttemptIsRefusedSayingWhenAndWhat() {
            clock.set(T0.plus(Duration.ofHours(2)));
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 4, 2))
                    .when(start(SUMMATIVE_QUIZ))
                    .expectNoEvents()
                    .expectException(RetakeLockedException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("allowed from " + T0.plus(Duration.ofHours(24))),
                            org.hamcrest.Matchers.containsString("practice on " + CMP_B)));
        }

        @Test
        void theRefusalCarriesTheCoolDownEndAndTheCompetenciesToPractise() {
            clock.set(T0.plus(Duration.ofHours(2)));
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 2, 1));
            RetakeLockedException refusal = refusal(start(SUMMATIVE_QUIZ));
            assertThat(refusal.retryAfter()).isEqualTo(T0.plus(Duration.ofHours(24)));
            assertThat(refusal.practiceUnlocks()).isTrue();
            assertThat(refusal.practiceRequired()).containsExactly(CMP_A, CMP_B);
            assertThat(refusal.failedAttemptId()).isEqualTo(ATTEMPT_1);
        }

        @Test
        void theCoolDownIsConfigurablePerAssessment() {
            AssessmentSpec shortCoolDown = Specs.quiz(ASSESSMENT, AssessmentType.SUMMATIVE, 3, new RetakePolicy(2, false));
            clock.set(T0.plus(Duration.ofMinutes(119)));
            fixture.given(firstAttemptScored(shortCoolDown, 4, 2));
            RetakeLockedException refusal = refusal(start(shortCoolDown));
            assertThat(refusal.retryAfter()).isEqualTo(T0.plus(Duration.ofHours(2)));
            assertThat(refusal.practiceUnlocks()).isFalse();
        }

        @Test
        void theRetakeIsAllowedOnceTheCoolDownHasPassedWithAnUnseenForm() {
            clock.set(T0.plus(Duration.ofHours(24)));
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 4, 2))
                    .when(start(SUMMATIVE_QUIZ))
                    .expectEvents(started(2, "B", T0.plus(Duration.ofHours(24))));
        }

        @Test
        void completedPracticeOnEveryMissedCompetencyUnlocksTheRetakeEarly() {
            clock.set(T0.plus(Duration.ofHours(3)));
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 2, 2))
                    .andGiven(new RetakePracticeCompleted(SERIES, STUDENT, ASSESSMENT, ATTEMPT_1, CMP_A, "PRACTICE_COMPLETED", T0.plusSeconds(60)),
                            new RetakePracticeCompleted(SERIES, STUDENT, ASSESSMENT, ATTEMPT_1, CMP_B, "PRACTICE_COMPLETED", T0.plusSeconds(90)))
                    .when(start(SUMMATIVE_QUIZ))
                    .expectEvents(started(2, "B", T0.plus(Duration.ofHours(3))));
        }

        @Test
        void practiceOnOnlySomeMissedCompetenciesKeepsItLocked() {
            clock.set(T0.plus(Duration.ofHours(3)));
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 2, 2))
                    .andGiven(new RetakePracticeCompleted(SERIES, STUDENT, ASSESSMENT, ATTEMPT_1, CMP_A, "PRACTICE_COMPLETED", T0.plusSeconds(60)));
            RetakeLockedException refusal = refusal(start(SUMMATIVE_QUIZ));
            assertThat(refusal.practiceRequired()).containsExactly(CMP_B);
        }

        @Test
        void progressionsUnlockCreditsPracticeOnTheMissedCompetency() {
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 4, 2))
                    .when(new UnlockRetake(SERIES, CMP_B, "PRACTICE_COMPLETED"))
                    .expectEvents(new RetakePracticeCompleted(SERIES, STUDENT, ASSESSMENT, ATTEMPT_1, CMP_B, "PRACTICE_COMPLETED", T0))
                    .expectResultMessagePayload(true);
        }

        @Test
        void anUnlockWithoutACompetencyCreditsEveryMissedOne() {
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 1, 2))
                    .when(new UnlockRetake(SERIES, null, "INTERVENTION_RESOLVED"))
                    .expectEvents(new RetakePracticeCompleted(SERIES, STUDENT, ASSESSMENT, ATTEMPT_1, CMP_A, "INTERVENTION_RESOLVED", T0),
                            new RetakePracticeCompleted(SERIES, STUDENT, ASSESSMENT, ATTEMPT_1, CMP_B, "INTERVENTION_RESOLVED", T0));
        }

        @Test
        void aRepeatedOrIrrelevantUnlockChangesNothing() {
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 4, 2))
                    .andGiven(new RetakePracticeCompleted(SERIES, STUDENT, ASSESSMENT, ATTEMPT_1, CMP_B, "PRACTICE_COMPLETED", T0))
                    .when(new UnlockRetake(SERIES, CMP_B, "PRACTICE_COMPLETED"))
                    .expectNoEvents()
                    .expectResultMessagePayload(false);
        }

        @Test
        void practiceDoesNotUnlockWhenTheAssessmentSaysSo() {
            AssessmentSpec coolDownOnly = Specs.quiz(ASSESSMENT, AssessmentType.SUMMATIVE, 3, new RetakePolicy(24, false));
            fixture.given(firstAttemptScored(coolDownOnly, 4, 2))
                    .when(new UnlockRetake(SERIES, CMP_B, "PRACTICE_COMPLETED"))
                    .expectNoEvents();
        }

        @Test
        void aFailedFormativeAttemptLocksNothing() {
            clock.set(T0.plusSeconds(60));
            fixture.given(firstAttemptScored(FORMATIVE_QUIZ, 1, 1))
                    .when(start(FORMATIVE_QUIZ))
                    .expectEvents(started(2, "B", T0.plusSeconds(60)));
        }

        @Test
        void aPassedSummativeAttemptLocksNothing() {
            clock.set(T0.plusSeconds(60));
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 3, 4))
                    .when(start(SUMMATIVE_QUIZ))
                    .expectEvents(started(2, "B", T0.plusSeconds(60)));
        }

        @Test
        void voidingTheFailedAttemptLiftsTheLock() {
            clock.set(T0.plusSeconds(60));
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 4, 2))
                    .andGiven(new AttemptVoided(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, "ADMINISTRATION_ERROR", TEACHER, T0.plusSeconds(30)))
                    .when(start(SUMMATIVE_QUIZ))
                    .expectEvents(started(2, "B", T0.plusSeconds(60)));
        }

        private RetakeLockedException refusal(Object command) {
            AtomicReference<RetakeLockedException> captured = new AtomicReference<>();
            fixture.when(command)
                    .expectNoEvents()
                    .expectException(new CustomTypeSafeMatcher<RetakeLockedException>("a retake refusal") {
                        @Override
                        protected boolean matchesSafely(RetakeLockedException refusal) {
                            captured.set(refusal);
                            return true;
                        }
                    });
            return captured.get();
        }
    }

    @Nested
    class Scoring {

        @Test
        void anAnswerKeyAttemptIsScoredOnSubmissionWithOneEvidencePerCompetency() {
            Instant submittedAt = T0.plusSeconds(1200);
            clock.set(submittedAt);
            String evidenceA = EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_A);
            String evidenceB = EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_B);
            List<ItemResult> items = List.of(
                    new ItemResult("q1", CMP_A, true), new ItemResult("q2", CMP_A, true), new ItemResult("q3", CMP_A, true),
                    new ItemResult("q4", CMP_A, true), new ItemResult("q5", CMP_B, true), new ItemResult("q6", CMP_B, true),
                    new ItemResult("q7", CMP_B, false), new ItemResult("q8", CMP_B, false));
            fixture.given(started(1, "A", T0))
                    .when(new SubmitAttempt(SERIES, ATTEMPT_1, SUMMATIVE_QUIZ, HALF_OF_B, 0, STUDENT))
                    .expectEvents(
                            new AttemptSubmitted(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, 1, "A", STUDENT, submittedAt, false, 7, 0),
                            new AttemptScored(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, AssessmentType.SUMMATIVE,
                                    AssessmentMethod.SELECTED_RESPONSE, ScoringKind.ANSWER_KEY, 1,
                                    List.of(new CompetencyResult(CMP_A, 4.0, 3.0, evidenceA), new CompetencyResult(CMP_B, 2.0, 3.0, evidenceB)),
                                    items, List.of(), "auto", submittedAt, submittedAt, false,
                                    submittedAt.plus(Duration.ofHours(24)), true),
                            new EvidenceRecorded(evidenceA, STUDENT, CMP_A, 4.0, AssessmentMethod.SELECTED_RESPONSE,
                                    AssessmentType.SUMMATIVE, ASSESSMENT, ATTEMPT_1, null, "auto", submittedAt, submittedAt, null),
                            new EvidenceRecorded(evidenceB, STUDENT, CMP_B, 2.0, AssessmentMethod.SELECTED_RESPONSE,
                                    AssessmentType.SUMMATIVE, ASSESSMENT, ATTEMPT_1, null, "auto", submittedAt, submittedAt, null));
        }

        @Test
        void responsesToItemsNotOnTheFormAreRefused() {
            fixture.given(started(1, "A", T0))
                    .when(new SubmitAttempt(SERIES, ATTEMPT_1, SUMMATIVE_QUIZ, Map.of("q1", "A", "q99", "B"), 0, STUDENT))
                    .expectNoEvents()
                    .expectException(InvalidScoringException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("q99"));
        }

        @Test
        void anAttemptIsSubmittedOnce() {
            fixture.given(started(1, "A", T0), submitted(1, T0, false))
                    .when(new SubmitAttempt(SERIES, ATTEMPT_1, SUMMATIVE_QUIZ, PASSING, 0, STUDENT))
                    .expectNoEvents()
                    .expectException(AttemptConflictException.class);
        }

        @Test
        void aRubricAttemptAwaitsTheTeacher() {
            clock.set(T0);
            fixture.given(started(1, "T1", T0.minusSeconds(60)))
                    .when(new SubmitAttempt(SERIES, ATTEMPT_1, SUMMATIVE_TASK, Map.of(), 2, STUDENT))
                    .expectEvents(new AttemptSubmitted(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, 1, "T1", STUDENT, T0, true, 0, 2));
        }

        @Test
        void aLateGradedRubricAttemptKeepsItsPlaceTheEvidenceIsObservedAtSubmission() {
            Instant gradedAt = T0.plus(Duration.ofDays(3));
            clock.set(gradedAt);
            String evidenceA = EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_A);
            String evidenceB = EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_B);
            fixture.given(started(1, "T1", T0.minusSeconds(60)), submitted(1, T0, true))
                    .when(new ScoreAttempt(SERIES, ATTEMPT_1, SUMMATIVE_TASK, Map.of("a1", 3, "a2", 4, "b1", 3), TEACHER))
                    .expectEvents(
                            new AttemptScored(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, AssessmentType.SUMMATIVE,
                                    AssessmentMethod.PERFORMANCE_TASK, ScoringKind.RUBRIC, 1,
                                    List.of(new CompetencyResult(CMP_A, 3.5, 3.0, evidenceA), new CompetencyResult(CMP_B, 3.0, 3.0, evidenceB)),
                                    List.of(), List.of(new CriterionScore("a1", CMP_A, 3), new CriterionScore("a2", CMP_A, 4),
                                    new CriterionScore("b1", CMP_B, 3)), TEACHER, T0, gradedAt, true, null, true),
                            new EvidenceRecorded(evidenceA, STUDENT, CMP_A, 3.5, AssessmentMethod.PERFORMANCE_TASK,
                                    AssessmentType.SUMMATIVE, ASSESSMENT, ATTEMPT_1, null, TEACHER, T0, gradedAt, null),
                            new EvidenceRecorded(evidenceB, STUDENT, CMP_B, 3.0, AssessmentMethod.PERFORMANCE_TASK,
                                    AssessmentType.SUMMATIVE, ASSESSMENT, ATTEMPT_1, null, TEACHER, T0, gradedAt, null));
        }

        @Test
        void everyCriterionIsScoredAtOneOfItsLevels() {
            fixture.given(started(1, "T1", T0), submitted(1, T0, true))
                    .when(new ScoreAttempt(SERIES, ATTEMPT_1, SUMMATIVE_TASK, Map.of("a1", 5, "zz", 2), TEACHER))
                    .expectNoEvents()
                    .expectException(InvalidScoringException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("criterion a1 has no level 5"),
                            org.hamcrest.Matchers.containsString("criterion a2 is not scored"),
                            org.hamcrest.Matchers.containsString("no criterion zz")));
        }

        @Test
        void anAttemptIsScoredOnlyOnceAfterSubmissionAndNeverFromTheAnswerKeyByHand() {
            fixture.given(started(1, "T1", T0))
                    .when(new ScoreAttempt(SERIES, ATTEMPT_1, SUMMATIVE_TASK, Map.of("a1", 3, "a2", 3, "b1", 3), TEACHER))
                    .expectException(AttemptConflictException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("not been submitted"));
        }

        @Test
        void aScoredAttemptIsNotScoredAgain() {
            fixture.given(started(1, "T1", T0), submitted(1, T0, true), scored(1, SUMMATIVE_TASK, 3, 3, T0, T0))
                    .when(new ScoreAttempt(SERIES, ATTEMPT_1, SUMMATIVE_TASK, Map.of("a1", 3, "a2", 3, "b1", 3), TEACHER))
                    .expectNoEvents()
                    .expectException(AttemptConflictException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("use rescore"));
        }

        @Test
        void answerKeyAttemptsAreNotScoredByHand() {
            fixture.given(started(1, "A", T0), submitted(1, T0, false))
                    .when(new ScoreAttempt(SERIES, ATTEMPT_1, SUMMATIVE_QUIZ, Map.of(), TEACHER))
                    .expectNoEvents()
                    .expectException(AttemptConflictException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("answer key"));
        }

        @Test
        void anUnknownAttemptIsReported() {
            fixture.given(started(1, "A", T0))
                    .when(new SubmitAttempt(SERIES, ATTEMPT_2, SUMMATIVE_QUIZ, PASSING, 0, STUDENT))
                    .expectNoEvents()
                    .expectException(NoSuchAttemptException.class);
        }

        @Test
        void anObservationIsStartedSubmittedAndScoredAtOnceObservedWhenTheTeacherSawIt() {
            Instant observedAt = T0.minus(Duration.ofHours(2));
            String evidenceA = EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_A);
            String evidenceB = EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_B);
            String form = FormRotation.next(List.of("T1", "T2"), List.of(), STUDENT);
            AssessmentSpec observation = Specs.task(ASSESSMENT, AssessmentType.FORMATIVE, AssessmentMethod.OBSERVATION);
            fixture.givenNoPriorActivity()
                    .when(new RecordObservation(SERIES, STUDENT, observation, Map.of("a1", 2, "a2", 2, "b1", 4), observedAt, TEACHER, null))
                    .expectEvents(
                            new AttemptStarted(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, 1, form, TEACHER, observedAt, null),
                            new AttemptSubmitted(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, 1, form, TEACHER, observedAt, false, 0, 0),
                            new AttemptScored(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, AssessmentType.FORMATIVE,
                                    AssessmentMethod.OBSERVATION, ScoringKind.RUBRIC, 1,
                                    List.of(new CompetencyResult(CMP_A, 2.0, 3.0, evidenceA), new CompetencyResult(CMP_B, 4.0, 3.0, evidenceB)),
                                    List.of(), List.of(new CriterionScore("a1", CMP_A, 2), new CriterionScore("a2", CMP_A, 2),
                                    new CriterionScore("b1", CMP_B, 4)), TEACHER, observedAt, T0, false, null, true),
                            new EvidenceRecorded(evidenceA, STUDENT, CMP_A, 2.0, AssessmentMethod.OBSERVATION,
                                    AssessmentType.FORMATIVE, ASSESSMENT, ATTEMPT_1, null, TEACHER, observedAt, T0, null),
                            new EvidenceRecorded(evidenceB, STUDENT, CMP_B, 4.0, AssessmentMethod.OBSERVATION,
                                    AssessmentType.FORMATIVE, ASSESSMENT, ATTEMPT_1, null, TEACHER, observedAt, T0, null));
        }

        @Test
        void observationsNeedARubric() {
            fixture.givenNoPriorActivity()
                    .when(new RecordObservation(SERIES, STUDENT, SUMMATIVE_QUIZ, Map.of(), T0, TEACHER, null))
                    .expectNoEvents()
                    .expectException(InvalidScoringException.class);
        }
    }

    @Nested
    class VoidAndRescore {

        @Test
        void voidingAScoredAttemptVoidsEachPieceOfItsEvidence() {
            clock.set(T0.plusSeconds(3600));
            Instant at = T0.plusSeconds(3600);
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 4, 2))
                    .when(new VoidAttempt(SERIES, ATTEMPT_1, "ADMINISTRATION_ERROR", TEACHER))
                    .expectEvents(
                            new AttemptVoided(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, "ADMINISTRATION_ERROR", TEACHER, at),
                            new EvidenceVoided(EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_A), STUDENT, CMP_A, EvidenceVoidReason.VOIDED, null, ATTEMPT_1, at),
                            new EvidenceVoided(EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_B), STUDENT, CMP_B, EvidenceVoidReason.VOIDED, null, ATTEMPT_1, at));
        }

        @Test
        void voidingAnUnscoredAttemptHasNoEvidenceToVoid() {
            fixture.given(started(1, "A", T0))
                    .when(new VoidAttempt(SERIES, ATTEMPT_1, "STARTED_BY_MISTAKE", TEACHER))
                    .expectEvents(new AttemptVoided(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, "STARTED_BY_MISTAKE", TEACHER, T0));
        }

        @Test
        void anAttemptIsVoidedOnceAndAVoidedAttemptIsNeitherScoredNorRescored() {
            AttemptVoided voided = new AttemptVoided(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, "X", TEACHER, T0);
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 4, 2)).andGiven(voided)
                    .when(new VoidAttempt(SERIES, ATTEMPT_1, "X", TEACHER))
                    .expectNoEvents().expectException(AttemptConflictException.class);
        }

        @Test
        void aVoidedAttemptIsNotRescored() {
            AttemptVoided voided = new AttemptVoided(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, "X", TEACHER, T0);
            fixture.given(firstAttemptScored(SUMMATIVE_QUIZ, 4, 2)).andGiven(voided)
                    .when(new RescoreAttempt(SERIES, ATTEMPT_1, SUMMATIVE_QUIZ, Map.of(), Map.of("q8", true), "KEY_ERROR", TEACHER))
                    .expectNoEvents()
                    .expectException(AttemptConflictException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("voided"));
        }

        @Test
        void aRescoreSupersedesEachPieceOfEvidenceWithANewOne() {
            Instant at = T0.plus(Duration.ofDays(1));
            clock.set(at);
            String oldA = EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_A);
            String oldB = EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_B);
            String newA = EvidenceIds.forAttempt(ATTEMPT_1, 2, CMP_A);
            String newB = EvidenceIds.forAttempt(ATTEMPT_1, 2, CMP_B);
            List<Object> history = List.of(started(1, "T1", T0.minusSeconds(60)), submitted(1, T0, true),
                    scoredByTeacher(2, 2, 2, T0.plusSeconds(600)));
            fixture.given(history)
                    .when(new RescoreAttempt(SERIES, ATTEMPT_1, SUMMATIVE_TASK, Map.of("a1", 3, "a2", 3, "b1", 4), Map.of(), "SCORING_ERROR", TEACHER))
                    .expectEvents(
                            new AttemptRescored(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, AssessmentType.SUMMATIVE,
                                    AssessmentMethod.PERFORMANCE_TASK, 2,
                                    List.of(new CompetencyResult(CMP_A, 3.0, 3.0, newA), new CompetencyResult(CMP_B, 4.0, 3.0, newB)),
                                    List.of(), List.of(new CriterionScore("a1", CMP_A, 3), new CriterionScore("a2", CMP_A, 3),
                                    new CriterionScore("b1", CMP_B, 4)), TEACHER, "SCORING_ERROR", at, true, null, true),
                            new EvidenceVoided(oldA, STUDENT, CMP_A, EvidenceVoidReason.RESCORED, newA, ATTEMPT_1, at),
                            new EvidenceRecorded(newA, STUDENT, CMP_A, 3.0, AssessmentMethod.PERFORMANCE_TASK,
                                    AssessmentType.SUMMATIVE, ASSESSMENT, ATTEMPT_1, null, TEACHER, T0, at, oldA),
                            new EvidenceVoided(oldB, STUDENT, CMP_B, EvidenceVoidReason.RESCORED, newB, ATTEMPT_1, at),
                            new EvidenceRecorded(newB, STUDENT, CMP_B, 4.0, AssessmentMethod.PERFORMANCE_TASK,
                                    AssessmentType.SUMMATIVE, ASSESSMENT, ATTEMPT_1, null, TEACHER, T0, at, oldB));
        }

        @Test
        void aRescoreToPassingLiftsTheRetakeLock() {
            clock.set(T0.plusSeconds(600));
            fixture.given(started(1, "T1", T0.minusSeconds(60)), submitted(1, T0, true), scoredByTeacher(2, 2, 2, T0.plusSeconds(60)))
                    .andGivenCommands(new RescoreAttempt(SERIES, ATTEMPT_1, SUMMATIVE_TASK, Map.of("a1", 3, "a2", 3, "b1", 3), Map.of(), "SCORING_ERROR", TEACHER))
                    .when(start(SUMMATIVE_TASK))
                    .expectEvents(started(2, "T2", T0.plusSeconds(600)));
        }

        @Test
        void anAnswerKeyRescoreCreditsTheNamedItems() {
            Instant at = T0.plusSeconds(7200);
            clock.set(T0);
            fixture.given(started(1, "A", T0.minusSeconds(600)))
                    .andGivenCommands(new SubmitAttempt(SERIES, ATTEMPT_1, SUMMATIVE_QUIZ, HALF_OF_B, 0, STUDENT));
            clock.set(at);
            fixture.when(new RescoreAttempt(SERIES, ATTEMPT_1, SUMMATIVE_QUIZ, Map.of(), Map.of("q7", true), "AMBIGUOUS_ITEM", TEACHER))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayloadMatching(new CustomTypeSafeMatcher<AttemptSnapshot>("a passing rescore") {
                        @Override
                        protected boolean matchesSafely(AttemptSnapshot snapshot) {
                            return snapshot.passed() && snapshot.scores().get(1).score() == 3.0
                                    && snapshot.scores().get(1).evidenceId().equals(EvidenceIds.forAttempt(ATTEMPT_1, 2, CMP_B));
                        }
                    });
        }

        @Test
        void onlyAScoredAttemptIsRescored() {
            fixture.given(started(1, "T1", T0), submitted(1, T0, true))
                    .when(new RescoreAttempt(SERIES, ATTEMPT_1, SUMMATIVE_TASK, Map.of("a1", 3, "a2", 3, "b1", 3), Map.of(), "X", TEACHER))
                    .expectNoEvents()
                    .expectException(AttemptConflictException.class);
        }

        private AttemptScored scoredByTeacher(int a1, int a2, int b1, Instant at) {
            double a = (a1 + a2) / 2.0;
            List<CompetencyResult> scores = List.of(
                    new CompetencyResult(CMP_A, a, 3.0, EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_A)),
                    new CompetencyResult(CMP_B, b1, 3.0, EvidenceIds.forAttempt(ATTEMPT_1, 1, CMP_B)));
            boolean passed = a >= 3 && b1 >= 3;
            return new AttemptScored(SERIES, ATTEMPT_1, STUDENT, ASSESSMENT, AssessmentType.SUMMATIVE, AssessmentMethod.PERFORMANCE_TASK,
                    ScoringKind.RUBRIC, 1, scores, List.of(), List.of(new CriterionScore("a1", CMP_A, a1),
                    new CriterionScore("a2", CMP_A, a2), new CriterionScore("b1", CMP_B, b1)), TEACHER, T0, at, passed,
                    passed ? null : at.plus(Duration.ofHours(24)), true);
        }
    }
}

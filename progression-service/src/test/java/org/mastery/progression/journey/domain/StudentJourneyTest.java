package org.mastery.progression.journey.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mastery.progression.journey.domain.JourneyFixtures.CHAIN;
import static org.mastery.progression.journey.domain.JourneyFixtures.T0;
import static org.mastery.progression.journey.domain.JourneyFixtures.decaying;
import static org.mastery.progression.journey.domain.JourneyFixtures.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The journey's rules, one test per rule, given commands and when a command, then the events. */
class StudentJourneyTest {

    static final String S = "stu-1";
    FixtureConfiguration<StudentJourney> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StudentJourney.class);
        fixture.registerInjectableResource(CHAIN);
    }

    static CompetencyContext ctx(CompetencyPolicy policy) {
        return CompetencyContext.of(policy);
    }

    static RecordEvidence evidence(String id, CompetencyContext context, double score, int day) {
        return evidence(id, context, score, day, "FORMATIVE", null);
    }

    static RecordEvidence evidence(String id, CompetencyContext context, double score, int day, String type, String assessmentId) {
        return new RecordEvidence(S, id, context, score, "SELECTED_RESPONSE", type, assessmentId, T0.plusSeconds(86_400L * day), null);
    }

    /** The events the when-command published. */
    List<EventMessage<?>> when(List<Object> given, Object command) {
        List<EventMessage<?>> captured = new ArrayList<>();
        (given.isEmpty() ? fixture.givenNoPriorActivity() : fixture.givenCommands(given)).when(command)
                .expectSuccessfulHandlerExecution().expectEventsMatching(capture(captured));
        return captured;
    }

    static Matcher<List<EventMessage<?>>> capture(List<EventMessage<?>> into) {
        return new CustomTypeSafeMatcher<>("any events") {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                into.addAll(events);
                return true;
            }
        };
    }

    static List<Object> payloads(List<EventMessage<?>> events) {
        return events.stream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    static <T> List<T> of(List<EventMessage<?>> events, Class<T> type) {
        return events.stream().map(EventMessage::getPayload).filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void firstEvidenceAdoptsThePolicyIsAcceptedAndDecided() {
        CompetencyContext c = ctx(decaying("c1"));
        List<EventMessage<?>> events = when(List.of(), evidence("e1", c, 2, 1));
        assertThat(payloads(events)).extracting(p -> p.getClass().getSimpleName())
                .containsExactly("PolicyAdopted", "EvidenceAccepted", "MasteryLevelChanged");
        MasteryLevelChanged decided = of(events, MasteryLevelChanged.class).get(0);
        assertThat(decided.state()).isEqualTo(MasteryState.INSUFFICIENT_EVIDENCE);
        assertThat(decided.evidenceCount()).isEqualTo(1);
    }

    @Test
    void theSameEvidenceIdNeverCountsTwice() {
        CompetencyContext c = ctx(decaying("c1"));
        fixture.givenCommands(evidence("e1", c, 2, 1)).when(evidence("e1", c, 2, 1))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void masteryIsDecidedWithItsExplanationAndUnlocksCreditsAndGoals() {
        CompetencyPolicy p1 = decaying("c1");
        CompetencyContext c = new CompetencyContext(p1, List.of(),
                List.of(new Dependent("c2", List.of("c1")), new Dependent("c3", List.of("c1", "c9"))),
                List.of(new CourseRequirement("course-1", 1, 0.5, List.of("c1"))));
        List<EventMessage<?>> events = when(List.of(new SetGoal(S, "g1", "c1", LocalDate.parse("2026-12-01")),
                evidence("e1", c, 2, 1), evidence("e2", c, 3, 2)), evidence("e3", c, 4, 3));
        CompetencyMastered mastered = of(events, CompetencyMastered.class).get(0);
        assertThat(mastered.value()).isEqualTo(3.5275, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mastered.explanation().evidence()).extracting(EvidenceUsed::evidenceId).containsExactly("e1", "e2", "e3");
        assertThat(of(events, GoalAchieved.class)).extracting(GoalAchieved::goalId).containsExactly("g1");
        assertThat(of(events, CompetencyUnlocked.class)).extracting(CompetencyUnlocked::competencyId).containsExactly("c2");
        assertThat(of(events, CourseCreditEarned.class)).extracting(CourseCreditEarned::courseId).containsExactly("course-1");
    }

    @Test
    void withdrawnEvidenceIsRecomputedFromTheOrderedEvidence() {
        CompetencyContext c = ctx(decaying("c1"));
        List<EventMessage<?>> events = when(List.of(evidence("e1", c, 2, 1), evidence("e2", c, 3, 2), evidence("e3", c, 4, 3)),
                new WithdrawEvidence(S, "e2", c, "VOIDED"));
        MasteryLevelChanged decided = of(events, MasteryLevelChanged.class).get(0);
        // 2 then 4: 0.65·4 + 0.35·2
        assertThat(decided.value()).isEqualTo(3.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(decided.state()).isEqualTo(MasteryState.MASTERED);
        assertThat(decided.explanation().evidence()).extracting(EvidenceUsed::evidenceId).containsExactly("e1", "e3");
        // and a withdrawn id stays known: it is never counted again
        fixture.givenCommands(evidence("e1", c, 2, 1), new WithdrawEvidence(S, "e1", c, "VOIDED"))
                .when(evidence("e1", c, 2, 1)).expectNoEvents();
    }

    @Test
    void aRescoreSupersedesTheEvidenceItReplaces() {
        CompetencyContext c = ctx(decaying("c1"));
        RecordEvidence rescore = new RecordEvidence(S, "e1b", c, 4, "SELECTED_RESPONSE", "FORMATIVE", null, T0, "e1");
        List<EventMessage<?>> events = when(List.of(evidence("e1", c, 1, 0)), rescore);
        assertThat(of(events, EvidenceWithdrawn.class)).extracting(EvidenceWithdrawn::reasonCode).containsExactly("RESCORED");
        assertThat(of(events, MasteryLevelChanged.class).get(0).explanation().evidence())
                .extracting(EvidenceUsed::evidenceId).containsExactly("e1b");
    }

    @Test
    void retentionLapsesMasteryOnALaterSummativeBelowTheCut() {
        CompetencyContext c = ctx(policy("c1", "HIGHEST", Map.of(), 2, List.of(), true));
        List<EventMessage<?>> events = when(List.of(evidence("e1", c, 4, 1), evidence("e2", c, 4, 2)),
                evidence("s1", c, 2, 3, "SUMMATIVE", "asm-1"));
        assertThat(of(events, MasteryLapsed.class)).singleElement().satisfies(l -> assertThat(l.evidenceId()).isEqualTo("s1"));
        assertThat(of(events, MasteryLevelChanged.class).get(0).state()).isEqualTo(MasteryState.NEEDS_REVIEW);
    }

    @Test
    void twoConsecutiveScoresBelowTheCutRecommendAnInterventionAndALaterPassResolvesIt() {
        CompetencyContext c = ctx(decaying("c1"));
        List<EventMessage<?>> recommended = when(List.of(evidence("e1", c, 2, 1)), evidence("e2", c, 1, 2));
        assertThat(of(recommended, InterventionRecommended.class)).singleElement().satisfies(i -> {
            assertThat(i.reason()).isEqualTo("CONSECUTIVE_BELOW_CUT");
            assertThat(i.evidenceIds()).containsExactly("e1", "e2");
        });
        List<EventMessage<?>> resolved = when(List.of(evidence("e1", c, 2, 1), evidence("e2", c, 1, 2)), evidence("e3", c, 3, 3));
        assertThat(of(resolved, InterventionResolved.class)).extracting(InterventionResolved::evidenceId).containsExactly("e3");
        // no second recommendation while one is open
        List<EventMessage<?>> third = when(List.of(evidence("e1", c, 2, 1), evidence("e2", c, 1, 2)), evidence("e3", c, 1, 3));
        assertThat(of(third, InterventionRecommended.class)).isEmpty();
    }

    @Test
    void practiceAfterAFailedSummativeUnlocksTheRetake() {
        CompetencyContext c = ctx(decaying("c1"));
        List<EventMessage<?>> events = when(List.of(evidence("s1", c, 2, 1, "SUMMATIVE", "asm-quiz")),
                evidence("p1", c, 2.5, 2, "FORMATIVE", "asm-practice"));
        assertThat(of(events, ReassessmentUnlocked.class)).singleElement().satisfies(r -> {
            assertThat(r.assessmentId()).isEqualTo("asm-quiz");
            assertThat(r.reason()).isEqualTo("PRACTICE_COMPLETED");
        });
        // practice done before the failed attempt does not count
        List<EventMessage<?>> earlier = when(List.of(evidence("s1", c, 2, 5, "SUMMATIVE", "asm-quiz")),
                evidence("p0", c, 2.5, 2, "FORMATIVE", null));
        assertThat(of(earlier, ReassessmentUnlocked.class)).isEmpty();
    }

    @Test
    void resolvingAnInterventionUnlocksPendingRetakes() {
        CompetencyContext c = ctx(decaying("c1"));
        List<EventMessage<?>> events = when(List.of(evidence("s1", c, 2, 1, "SUMMATIVE", "asm-quiz"),
                evidence("s2", c, 1, 2, "SUMMATIVE", "asm-quiz-2")), evidence("i1", c, 3, 3, "INTERIM", null));
        assertThat(of(events, InterventionResolved.class)).hasSize(1);
        assertThat(of(events, ReassessmentUnlocked.class)).extracting(ReassessmentUnlocked::assessmentId, ReassessmentUnlocked::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("asm-quiz", "INTERVENTION_RESOLVED"),
                        org.assertj.core.groups.Tuple.tuple("asm-quiz-2", "INTERVENTION_RESOLVED"));
    }

    @Test
    void anOverrideDecidesUntilItExpiresThenTheCalculatedStateReturns() {
        CompetencyContext c = ctx(decaying("c1"));
        Instant expiry = T0.plusSeconds(86_400L * 10);
        OverrideMastery override = new OverrideMastery(S, "o1", c, "tch-1", MasteryState.MASTERED, "OBSERVED_IN_CLASS", expiry);
        List<EventMessage<?>> applied = when(List.of(evidence("e1", c, 2, 1), evidence("e2", c, 2, 2)), override);
        assertThat(of(applied, CompetencyMastered.class)).singleElement()
                .satisfies(m -> assertThat(m.explanation().overrideId()).isEqualTo("o1"));

        fixture.givenCommands(evidence("e1", c, 2, 1), evidence("e2", c, 2, 2), override)
                .when(new ExpireOverride(S, "o1", c, expiry.minusSeconds(1))).expectNoEvents().expectResultMessagePayload(false);
        List<EventMessage<?>> expired = when(List.of(evidence("e1", c, 2, 1), evidence("e2", c, 2, 2), override),
                new ExpireOverride(S, "o1", c, expiry));
        assertThat(of(expired, TeacherOverrideExpired.class)).hasSize(1);
        MasteryLevelChanged back = of(expired, MasteryLevelChanged.class).get(0);
        assertThat(back.state()).isEqualTo(MasteryState.IN_PROGRESS);
        assertThat(back.explanation().overrideId()).isNull();
    }

    @Test
    void aNewPolicyVersionAppendsADecisionNamingIt() {
        CompetencyPolicy v1 = decaying("c1");
        CompetencyPolicy v2 = new CompetencyPolicy("c1", 2, 2, "LATEST", Map.of(), 2, List.of(), false, 3.0, null,
                JourneyFixtures.phases());
        List<EventMessage<?>> events = when(List.of(evidence("e1", ctx(v1), 4, 1), evidence("e2", ctx(v1), 2, 2)),
                new ReevaluateCompetency(S, ctx(v2)));
        assertThat(of(events, PolicyAdopted.class)).hasSize(1);
        MasteryLevelChanged decided = of(events, MasteryLevelChanged.class).get(0);
        assertThat(decided.explanation().policyVersion()).isEqualTo(2);
        assertThat(decided.explanation().method()).isEqualTo("LATEST");
        assertThat(decided.value()).isEqualTo(2.0);
        // an older version never replaces a newer one
        fixture.givenCommands(evidence("e1", ctx(v2), 4, 1)).when(new ReevaluateCompetency(S, ctx(v1))).expectNoEvents();
    }

    @Test
    void unlockAndCreditCatchUpWhenTheCurriculumArrivesLater() {
        CompetencyContext c1 = ctx(decaying("c1"));
        CompetencyContext c2 = new CompetencyContext(decaying("c2"), List.of("c1"), List.of(), List.of());
        List<EventMessage<?>> events = when(List.of(evidence("e1", c1, 4, 1), evidence("e2", c1, 4, 2)),
                new ReevaluateCompetency(S, c2));
        assertThat(of(events, CompetencyUnlocked.class)).extracting(CompetencyUnlocked::competencyId).containsExactly("c2");
        List<EventMessage<?>> credit = when(List.of(evidence("e1", c1, 4, 1), evidence("e2", c1, 4, 2)),
                new EvaluateCourseCredit(S, new CourseRequirement("course-1", 2, 1.0, List.of("c1"))));
        assertThat(of(credit, CourseCreditEarned.class)).hasSize(1);
    }

    @Test
    void goalsReflectionsAndPeerTutoring() {
        when(List.of(), new SetGoal(S, "g1", "c1", LocalDate.parse("2026-12-01")));
        fixture.givenCommands(new ChoosePeerTutoring(S, true)).when(new ChoosePeerTutoring(S, true)).expectNoEvents();
        fixture.givenCommands(new ChoosePeerTutoring(S, true)).when(new ChoosePeerTutoring(S, false))
                .expectEvents(new PeerTutoringOptedOut(S));
        fixture.givenNoPriorActivity().when(new RecordReflection(S, "r1", null)).expectEvents(new ReflectionRecorded("r1", S, null));
    }

    @Test
    void malformedEvidenceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordEvidence(S, "e1", ctx(decaying("c1")), Double.NaN, "SELECTED_RESPONSE", "FORMATIVE", null, T0, null))
                .expectException(InvalidJourneyCommandException.class);
    }

    @Test
    void everyEventIsChainedToTheOneBeforeIt() {
        CompetencyContext c = ctx(decaying("c1"));
        List<EventMessage<?>> events = when(List.of(), evidence("e1", c, 2, 1));
        String previous = JourneyChain.GENESIS;
        long sequence = 0;
        for (EventMessage<?> event : events) {
            assertThat(event.getMetaData().get(JourneyChain.PREVIOUS_HASH)).isEqualTo(previous);
            String hash = (String) event.getMetaData().get(JourneyChain.HASH);
            assertThat(hash).isEqualTo(CHAIN.hash(previous, event.getPayload(), sequence++));
            previous = hash;
        }
    }
}

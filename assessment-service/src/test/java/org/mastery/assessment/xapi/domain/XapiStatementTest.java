package org.mastery.assessment.xapi.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mastery.assessment.MutableClock;
import org.mastery.assessment.Specs;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.assessment.domain.AssessmentType;
import org.mastery.assessment.attempt.domain.CompetencyResult;
import org.mastery.assessment.evidence.domain.EvidenceIds;
import org.mastery.assessment.evidence.domain.EvidenceRecorded;

/** One statement id never yields two pieces of evidence on a competency. */
class XapiStatementTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant DONE = Instant.parse("2026-11-20T09:41:00Z");
    static final String ID = "2b7e1d1c-0000-4000-8000-000000000001";
    static final String KEY = RecordStatement.keyOf(ID);

    AggregateTestFixture<XapiStatement> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(XapiStatement.class);
        fixture.registerInjectableResource(MutableClock.at(NOW));
    }

    static RecordStatement record(StatementResult result, String fingerprint) {
        return new RecordStatement(KEY, ID, "stu-1", "https://tools.example/sim/42", "asm-x", AssessmentType.FORMATIVE,
                AssessmentMethod.PERFORMANCE_TASK, Specs.competencies(), 0.7, result, DONE, "svc-tool", fingerprint);
    }

    @Test
    void aScaledResultBecomesEvidenceOnEachMappedCompetency() {
        String a = EvidenceIds.forStatement(ID, Specs.CMP_A);
        String b = EvidenceIds.forStatement(ID, Specs.CMP_B);
        List<CompetencyResult> scores = List.of(new CompetencyResult(Specs.CMP_A, 4.0, 3.0, a), new CompetencyResult(Specs.CMP_B, 4.0, 3.0, b));
        fixture.givenNoPriorActivity()
                .when(record(new StatementResult(0.9, true), "fp-1"))
                .expectEvents(
                        new StatementRecorded(KEY, ID, "stu-1", "https://tools.example/sim/42", "asm-x", AssessmentMethod.PERFORMANCE_TASK,
                                0.9, true, scores, "fp-1", DONE, "svc-tool", NOW),
                        new EvidenceRecorded(a, "stu-1", Specs.CMP_A, 4.0, AssessmentMethod.PERFORMANCE_TASK, AssessmentType.FORMATIVE,
                                "asm-x", null, ID, "svc-tool", DONE, NOW, null),
                        new EvidenceRecorded(b, "stu-1", Specs.CMP_B, 4.0, AssessmentMethod.PERFORMANCE_TASK, AssessmentType.FORMATIVE,
                                "asm-x", null, ID, "svc-tool", DONE, NOW, null))
                .expectResultMessagePayload(new StatementOutcome(ID, false, scores));
    }

    @Test
    void successWithoutAScoreEarnsTheCutLevel() {
        fixture.givenNoPriorActivity()
                .when(record(new StatementResult(null, false), "fp-1"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<StatementOutcome>("level 2 on both") {
                    @Override
                    protected boolean matchesSafely(StatementOutcome outcome) {
                        return outcome.scores().stream().allMatch(s -> s.score() == 2.0);
                    }
                });
    }

    @Test
    void theSameStatementAgainRecordsNothing() {
        fixture.givenCommands(record(new StatementResult(0.9, null), "fp-1"))
                .when(record(new StatementResult(0.9, null), "fp-1"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(new org.hamcrest.CustomTypeSafeMatcher<StatementOutcome>("already recorded") {
                    @Override
                    protected boolean matchesSafely(StatementOutcome outcome) {
                        return outcome.alreadyRecorded() && outcome.scores().size() == 2;
                    }
                });
    }

    @Test
    void theSameIdWithOtherContentIsAConflict() {
        fixture.givenCommands(record(new StatementResult(0.9, null), "fp-1"))
                .when(record(new StatementResult(0.2, null), "fp-2"))
                .expectNoEvents()
                .expectException(StatementConflictException.class);
    }
}

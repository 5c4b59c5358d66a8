package org.mastery.progression.journey.domain.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mastery.progression.journey.domain.JourneyFixtures.decaying;
import static org.mastery.progression.journey.domain.JourneyFixtures.evidence;
import static org.mastery.progression.journey.domain.JourneyFixtures.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastery.progression.journey.domain.ActiveOverride;
import org.mastery.progression.journey.domain.CompetencyPolicy;
import org.mastery.progression.journey.domain.Evaluation;
import org.mastery.progression.journey.domain.Evidence;
import org.mastery.progression.journey.domain.MasteryState;

class MasteryEvaluatorTest {

    static Evaluation evaluate(CompetencyPolicy policy, Evidence... evidence) {
        List<Evidence> ordered = new ArrayList<>(List.of(evidence));
        ordered.sort(Evidence.OBSERVATION_ORDER);
        return MasteryEvaluator.evaluate(policy, ordered, null);
    }

    @Test
    void noEvidenceIsNotStarted() {
        Evaluation e = evaluate(decaying("c"));
        assertThat(e.state()).isEqualTo(MasteryState.NOT_STARTED);
        assertThat(e.value()).isNull();
        assertThat(e.phaseId()).isNull();
    }

    @Test
    void fewerThanMinEvidenceIsInsufficientEvenAboveTheCut() {
        Evaluation e = evaluate(decaying("c"), evidence("e1", 4, 1));
        assertThat(e.state()).isEqualTo(MasteryState.INSUFFICIENT_EVIDENCE);
        assertThat(e.value()).isEqualTo(4.0);
        assertThat(e.explanation().minEvidence()).isEqualTo(2);
    }

    @Test
    void aMissingRequiredMethodIsInsufficientEvidenceAndNamed() {
        CompetencyPolicy policy = policy("c", "DECAYING_AVERAGE", Map.of(), 2, List.of("PERFORMANCE_TASK"), false);
        Evaluation e = evaluate(policy, evidence("e1", 4, 1), evidence("e2", 4, 2));
        assertThat(e.state()).isEqualTo(MasteryState.INSUFFICIENT_EVIDENCE);
        assertThat(e.explanation().missingMethods()).containsExactly("PERFORMANCE_TASK");

        Evaluation shown = evaluate(policy, evidence("e1", 4, 1), evidence("e2", 4, 2, "PERFORMANCE_TASK", "FORMATIVE"));
        assertThat(shown.state()).isEqualTo(MasteryState.MASTERED);
        assertThat(shown.explanation().missingMethods()).isEmpty();
    }

    @Test
    void theSpecExampleIsMasteredAndExplained() {
        Evaluation e = evaluate(decaying("c"), evidence("e1", 2, 1), evidence("e2", 3, 2), evidence("e3", 4, 3));
        assertThat(e.state()).isEqualTo(MasteryState.MASTERED);
        assertThat(e.value()).isCloseTo(3.5275, within(1e-9));
        assertThat(e.level()).isEqualTo(3);
        assertThat(e.phaseId()).isEqualTo("ph-secure");
        assertThat(e.explanation().method()).isEqualTo("DECAYING_AVERAGE");
        assertThat(e.explanation().parameters()).containsEntry("w", 0.65);
        assertThat(e.explanation().cut()).isEqualTo(3.0);
        assertThat(e.explanation().policyVersion()).isEqualTo(1);
        assertThat(e.explanation().evidence()).extracting(u -> u.evidenceId()).containsExactly("e1", "e2", "e3");
        assertThat(e.explanation().evidence()).extracting(u -> u.score()).containsExactly(2.0, 3.0, 4.0);
    }

    @Test
    void inProgressCarriesItsPhase() {
        Evaluation e = evaluate(decaying("c"), evidence("e1", 2, 1), evidence("e2", 2.5, 2));
        assertThat(e.state()).isEqualTo(MasteryState.IN_PROGRESS);
        assertThat(e.phaseId()).isEqualTo("ph-developing");
        assertThat(e.level()).isEqualTo(2);
    }

    @Test
    void aLateGradedAttemptTakesItsPlaceByWhenItWasDone() {
        // graded last, but done first: DECAYING_AVERAGE over 2,3,4 in observation order
        Evaluation e = evaluate(decaying("c"), evidence("e2", 3, 2), evidence("e3", 4, 3), evidence("late", 2, 1));
        assertThat(e.value()).isCloseTo(3.5275, within(1e-9));
        assertThat(e.explanation().evidence()).extracting(u -> u.evidenceId()).containsExactly("late", "e2", "e3");
    }

    @Test
    void nTimesIsMasteredOnTheThirdScoreAtOrAboveTheCut() {
        CompetencyPolicy policy = policy("c", "N_TIMES", Map.of(), 2, List.of(), false);
        assertThat(evaluate(policy, evidence("a", 3, 1), evidence("b", 4, 2)).state()).isEqualTo(MasteryState.IN_PROGRESS);
        assertThat(evaluate(policy, evidence("a", 3, 1), evidence("b", 4, 2), evidence("x", 1, 3)).state())
                .isEqualTo(MasteryState.IN_PROGRESS);
        assertThat(evaluate(policy, evidence("a", 3, 1), evidence("b", 4, 2), evidence("x", 1, 3), evidence("c", 3, 4)).state())
                .isEqualTo(MasteryState.MASTERED);
    }

    @Test
    void withoutRetentionMasteryStandsAfterALowerScore() {
        Evaluation e = evaluate(decaying("c"), evidence("e1", 4, 1), evidence("e2", 4, 2),
                evidence("low", 1, 3, "SELECTED_RESPONSE", "SUMMATIVE"));
        assertThat(e.state()).isEqualTo(MasteryState.MASTERED);
        assertThat(e.value()).isLessThan(3.0);
    }

    @Test
    void withRetentionALaterSummativeBelowTheCutLapsesMasteryUntilShownAgain() {
        CompetencyPolicy policy = policy("c", "HIGHEST", Map.of(), 2, List.of(), true);
        Evidence a = evidence("e1", 4, 1);
        Evidence b = evidence("e2", 3, 2);
        Evidence formativeLow = evidence("f", 1, 3);
        Evidence summativeLow = evidence("s", 2, 4, "SELECTED_RESPONSE", "SUMMATIVE");
        Evidence again = evidence("again", 3, 5);
        assertThat(evaluate(policy, a, b, formativeLow).state()).isEqualTo(MasteryState.MASTERED);
        Evaluation lapsed = evaluate(policy, a, b, formativeLow, summativeLow);
        assertThat(lapsed.state()).isEqualTo(MasteryState.NEEDS_REVIEW);
        assertThat(lapsed.lapsedBy()).isEqualTo("s");
        assertThat(evaluate(policy, a, b, formativeLow, summativeLow, again).state()).isEqualTo(MasteryState.MASTERED);
        // voiding the lapsing evidence recomputes from the ordered evidence: mastered again
        assertThat(evaluate(policy, a, b, formativeLow).state()).isEqualTo(MasteryState.MASTERED);
    }

    @Test
    void anOverrideDecidesTheStateButNotTheScore() {
        List<Evidence> ordered = List.of(evidence("e1", 2, 1), evidence("e2", 2, 2));
        ActiveOverride override = new ActiveOverride("o1", MasteryState.MASTERED, "t1", "OBSERVED", Instant.parse("2027-01-01T00:00:00Z"));
        Evaluation e = MasteryEvaluator.evaluate(decaying("c"), ordered, override);
        assertThat(e.state()).isEqualTo(MasteryState.MASTERED);
        assertThat(e.calculatedState()).isEqualTo(MasteryState.IN_PROGRESS);
        assertThat(e.explanation().overrideId()).isEqualTo("o1");
        assertThat(e.explanation().state()).isEqualTo("MASTERED");
        assertThat(e.value()).isEqualTo(2.0);
    }

    @Test
    void interventionRules() {
        double cut = 3;
        assertThat(InterventionRule.trigger(List.of(evidence("a", 2, 1), evidence("b", 1, 2)), cut, MasteryState.IN_PROGRESS))
                .hasValueSatisfying(t -> {
                    assertThat(t.reason()).isEqualTo(InterventionRule.CONSECUTIVE_BELOW_CUT);
                    assertThat(t.evidenceIds()).containsExactly("a", "b");
                });
        assertThat(InterventionRule.trigger(List.of(evidence("a", 2, 1), evidence("b", 3, 2), evidence("c", 2, 3)), cut,
                MasteryState.IN_PROGRESS)).hasValueSatisfying(t -> assertThat(t.reason()).isEqualTo(InterventionRule.NO_PROGRESS));
        assertThat(InterventionRule.trigger(List.of(evidence("a", 1, 1), evidence("b", 3, 2), evidence("c", 2, 3)), cut,
                MasteryState.IN_PROGRESS)).isEmpty();
        assertThat(InterventionRule.trigger(List.of(evidence("a", 2, 1), evidence("b", 1, 2)), cut, MasteryState.MASTERED)).isEmpty();
    }
}

package org.mastery.curriculum.framework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyRulesTest {

    @Test
    void noPolicyIsTheDefaultDecayingAverage() {
        Policy p = PolicyRules.normalize(null);
        assertThat(p.method()).isEqualTo("DECAYING_AVERAGE");
        assertThat(p.parameters()).containsExactly(Map.entry("w", 0.65));
        assertThat(p.minEvidence()).isEqualTo(2);
        assertThat(p.requiredMethods()).isEmpty();
        assertThat(p.retention()).isFalse();
    }

    @Test
    void missingParametersTakeTheMethodsDefaults() {
        assertThat(PolicyRules.normalize(new Policy("m_of_n", Map.of(), 2, List.of(), false)).parameters())
                .isEqualTo(Map.of("m", 3.0, "n", 5.0));
        assertThat(PolicyRules.normalize(new Policy("BKT", Map.of("pGuess", 0.25), 2, List.of(), true)).parameters())
                .containsEntry("pGuess", 0.25).containsEntry("pInit", 0.3).containsEntry("threshold", 0.95).hasSize(6);
        assertThat(PolicyRules.normalize(new Policy("LATEST", null, 1, null, false)).parameters()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}={2} is accepted")
    @CsvSource({
            "DECAYING_AVERAGE, w, 0.5",
            "DECAYING_AVERAGE, w, 0.99",
            "WEIGHTED_LATEST, w, 0.3",
            "N_TIMES, n, 1",
            "M_OF_N, n, 3",
            "BKT, pSlip, 0.3",
            "BKT, threshold, 0.8",
    })
    void parametersWithinTheirRangeAreAccepted(String method, String parameter, double value) {
        assertThat(PolicyRules.normalize(new Policy(method, Map.of(parameter, value), 2, List.of(), false)).parameters())
                .containsEntry(parameter, value);
    }

    @ParameterizedTest(name = "{0} {1}={2} is refused")
    @CsvSource({
            "DECAYING_AVERAGE, w, 0.49, at least 0.5 and below 1",
            "DECAYING_AVERAGE, w, 1.0, at least 0.5 and below 1",
            "WEIGHTED_LATEST, w, 0, above 0 and below 1",
            "N_TIMES, n, 0, whole number from 1 to 50",
            "N_TIMES, n, 2.5, whole number from 1 to 50",
            "M_OF_N, m, 6, must not exceed n",
            "BKT, pInit, 1.2, probability from 0 to 1",
            "BKT, pGuess, 0.95, pGuess + pSlip must be below 1",
            "BKT, threshold, 1, above 0 and below 1",
            "LATEST, w, 0.5, takes none",
            "AVERAGE, n, 3, takes none",
            "DECAYING_AVERAGE, n, 3, it takes [w]",
    })
    void parametersOutOfRangeAreRefusedNamingTheRule(String method, String parameter, double value, String message) {
        assertThatThrownBy(() -> PolicyRules.normalize(new Policy(method, Map.of(parameter, value), 2, List.of(), false)))
                .isInstanceOf(InvalidCompetencyException.class)
                .hasMessageContaining(message);
    }

    @Test
    void mOfNNeedsMNotAboveN() {
        assertThatThrownBy(() -> PolicyRules.normalize(new Policy("M_OF_N", Map.of("m", 4.0, "n", 3.0), 2, List.of(), false)))
                .hasMessageContaining("m must not exceed n");
        assertThat(PolicyRules.normalize(new Policy("M_OF_N", Map.of("m", 3.0, "n", 3.0), 2, List.of(), false)).parameters())
                .containsEntry("m", 3.0);
    }

    @Test
    void unknownMethodsMinEvidenceAndRequiredMethodsAreChecked() {
        assertThatThrownBy(() -> PolicyRules.normalize(new Policy("MEDIAN", Map.of(), 2, List.of(), false)))
                .hasMessageContaining("policy.method 'MEDIAN' is not one of");
        assertThatThrownBy(() -> PolicyRules.normalize(new Policy("LATEST", Map.of(), 0, List.of(), false)))
                .hasMessageContaining("minEvidence");
        assertThatThrownBy(() -> PolicyRules.normalize(new Policy("LATEST", Map.of(), 2, List.of("performance task"), false)))
                .hasMessageContaining("requiredMethods");
        assertThat(PolicyRules.normalize(new Policy("LATEST", Map.of(), 2, List.of("PERFORMANCE_TASK", "PERFORMANCE_TASK"), true))
                .requiredMethods()).containsExactly("PERFORMANCE_TASK");
    }
}

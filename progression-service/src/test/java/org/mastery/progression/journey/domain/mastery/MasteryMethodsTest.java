package org.mastery.progression.journey.domain.mastery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC section 3's worked examples, and one hand-worked example per method (cut 3, default parameters),
 * to 1e-9. The same table is in the service README.
 */
class MasteryMethodsTest {

    static final double CUT = 3.0;

    static Stream<Arguments> workedExamples() {
        return Stream.of(
                // method, scores, expected value (null = none), mastered by the method's own criterion
                Arguments.of("DECAYING_AVERAGE", new double[] {2, 3, 4}, 3.5275, true),
                Arguments.of("DECAYING_AVERAGE", new double[] {1, 2, 3, 4, 5}, 4.46961875, true),
                Arguments.of("DECAYING_AVERAGE", new double[] {2, 3}, 2.65, false),
                Arguments.of("WEIGHTED_LATEST", new double[] {1, 2, 3, 4, 5}, 4.125, true),
                Arguments.of("WEIGHTED_LATEST", new double[] {2, 3, 4}, 3.475, true),
                Arguments.of("WEIGHTED_LATEST", new double[] {3}, 3.0, true),
                Arguments.of("N_TIMES", new double[] {3, 2, 4}, null, false),
                Arguments.of("N_TIMES", new double[] {3, 2, 4, 3}, 10.0 / 3, true),
                Arguments.of("M_OF_N", new double[] {4, 2, 3, 1, 3}, 0.6, true),
                Arguments.of("M_OF_N", new double[] {3, 3, 1, 1, 1, 2}, 0.2, false),
                Arguments.of("M_OF_N", new double[] {3, 4}, 1.0, false),
                Arguments.of("LATEST", new double[] {4, 2}, 2.0, false),
                Arguments.of("LATEST", new double[] {1, 3}, 3.0, true),
                Arguments.of("HIGHEST", new double[] {2, 4, 3}, 4.0, true),
                Arguments.of("AVERAGE", new double[] {1, 2, 3, 4, 5}, 3.0, true),
                Arguments.of("AVERAGE", new double[] {2, 3, 4, 2}, 2.75, false),
                // BKT P(L): 0.3 → correct: 0.27/0.41 → learn: +(1−P)·0.1
                Arguments.of("BKT", new double[] {3}, 0.6926829268292684, false),
                Arguments.of("BKT", new double[] {3, 1}, 0.29783281733746136, false),
                Arguments.of("BKT", new double[] {4, 4, 4}, 0.9827633378932968, true),
                Arguments.of("BKT", new double[] {4, 4}, 0.9192307692307693, false));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("workedExamples")
    void workedExamplesMatchTheSpecToOneBillionth(String name, double[] scores, Double expected, boolean met) {
        MasteryMethod method = MasteryMethod.valueOf(name);
        Map<String, Double> parameters = method.effectiveParameters(Map.of());
        Double value = method.value(scores, parameters, CUT);
        if (expected == null) {
            assertThat(value).as(Arrays.toString(scores)).isNull();
        } else {
            assertThat(value).as(Arrays.toString(scores)).isCloseTo(expected, within(1e-9));
        }
        assertThat(method.met(scores, value, parameters, CUT)).as("mastered by %s", Arrays.toString(scores)).isEqualTo(met);
    }

    @Test
    void nTimesIsMetOnlyOnTheThirdScoreAtOrAboveTheCut() {
        MasteryMethod method = MasteryMethod.N_TIMES;
        Map<String, Double> p = method.effectiveParameters(Map.of());
        double[] scores = {3, 1, 4, 2, 2, 3.5, 4};
        boolean[] expected = {false, false, false, false, false, true, true};
        for (int k = 1; k <= scores.length; k++) {
            double[] prefix = Arrays.copyOf(scores, k);
            assertThat(method.met(prefix, method.value(prefix, p, CUT), p, CUT)).as("after %d scores", k).isEqualTo(expected[k - 1]);
        }
    }

    @Test
    void parametersOverrideTheDefaults() {
        assertThat(MasteryMethods.decayingAverage(new double[] {2, 4}, 0.5)).isCloseTo(3.0, within(1e-12));
        assertThat(MasteryMethod.M_OF_N.effectiveParameters(Map.of("m", 2.0))).containsEntry("m", 2.0).containsEntry("n", 5.0);
        assertThat(MasteryMethod.BKT.effectiveParameters(Map.of())).containsEntry("threshold", 0.95).containsEntry("pInit", 0.3);
    }

    @Test
    void unusableParametersAreRefused() {
        assertThatThrownBy(() -> MasteryMethod.DECAYING_AVERAGE.effectiveParameters(Map.of("w", 0.4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w");
        assertThatThrownBy(() -> MasteryMethod.M_OF_N.effectiveParameters(Map.of("m", 6.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MasteryMethod.LATEST.effectiveParameters(Map.of("w", 0.7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parameter");
        assertThatThrownBy(() -> MasteryMethod.of("MEDIAN")).isInstanceOf(IllegalArgumentException.class);
    }
}

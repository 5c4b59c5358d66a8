package org.mastery.progression.journey.domain.mastery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Laws of the mastery methods over arbitrary score sequences on the default 1–4 scale. */
class MasteryMethodsProperties {

    static final double CUT = 3.0;

    @Provide
    Arbitrary<List<Double>> scores() {
        return Arbitraries.integers().between(4, 16).map(q -> q / 4.0).list().ofMinSize(1).ofMaxSize(30);
    }

    private static double[] array(List<Double> scores) {
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Double value(MasteryMethod method, List<Double> scores) {
        return method.value(array(scores), method.effectiveParameters(Map.of()), CUT);
    }

    @Property
    void valuesStayWithinTheScaleOrAreAShareOrProbability(@ForAll("scores") List<Double> scores, @ForAll MasteryMethod method) {
        Double value = value(method, scores);
        if (value == null) {
            return;
        }
        if (method.valueOnScale()) {
            assertThat(value).isBetween(1.0 - 1e-12, 4.0 + 1e-12)
                    .isBetween(Collections.min(scores) - 1e-12, Collections.max(scores) + 1e-12);
        } else {
            assertThat(value).isBetween(0.0, 1.0);
        }
    }

    @Property
    void orderMattersNotForAverageHighestAndNTimes(@ForAll("scores") List<Double> scores, @ForAll long seed) {
        List<Double> shuffled = new ArrayList<>(scores);
        Collections.shuffle(shuffled, new Random(seed));
        for (MasteryMethod method : new MasteryMethod[] {MasteryMethod.AVERAGE, MasteryMethod.HIGHEST, MasteryMethod.N_TIMES}) {
            Double a = value(method, scores);
            Double b = value(method, shuffled);
            if (a == null) {
                assertThat(b).isNull();
            } else {
                assertThat(b).as(method.name()).isCloseTo(a, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Property
    void latestAndTheRecencyWeightedMethodsDependOnlyOnTheirWindow(@ForAll("scores") List<Double> scores,
                                                                  @ForAll("scores") List<Double> earlier) {
        // LATEST looks at the last score only; M_OF_N at the last n (5) scores
        List<Double> longer = new ArrayList<>(earlier);
        longer.addAll(scores);
        assertThat(value(MasteryMethod.LATEST, longer)).isEqualTo(value(MasteryMethod.LATEST, scores));
        if (scores.size() >= 5) {
            assertThat(value(MasteryMethod.M_OF_N, longer)).isEqualTo(value(MasteryMethod.M_OF_N, scores));
        }
    }

    @Property
    void highestNeverDecreasesAsEvidenceArrives(@ForAll("scores") List<Double> scores, @ForAll("scores") List<Double> more) {
        List<Double> longer = new ArrayList<>(scores);
        longer.addAll(more);
        assertThat(value(MasteryMethod.HIGHEST, longer)).isGreaterThanOrEqualTo(value(MasteryMethod.HIGHEST, scores));
    }

    @Property
    void decayingAverageIsTheClosedFormOfItsRecurrence(@ForAll("scores") List<Double> scores) {
        // mk = Σ weights: s1 weighs (1−w)^(k−1), si (i>1) weighs w(1−w)^(k−i)
        double w = 0.65;
        int k = scores.size();
        double expected = scores.get(0) * Math.pow(1 - w, k - 1);
        for (int i = 1; i < k; i++) {
            expected += scores.get(i) * w * Math.pow(1 - w, k - 1 - i);
        }
        assertThat(value(MasteryMethod.DECAYING_AVERAGE, scores)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Property
    void bktRisesOnACorrectAnswerAndFallsOnAWrongOneWithoutForgetting(@ForAll("scores") @Size(min = 1) List<Double> scores) {
        List<Double> prefix = scores.subList(0, scores.size() - 1);
        double before = prefix.isEmpty() ? 0.3 : value(MasteryMethod.BKT, prefix);
        double last = scores.get(scores.size() - 1);
        // the posterior moves towards the evidence; learning then only adds
        double posterior = last >= CUT ? before * 0.9 / (before * 0.9 + (1 - before) * 0.2)
                : before * 0.1 / (before * 0.1 + (1 - before) * 0.8);
        assertThat(value(MasteryMethod.BKT, scores)).isCloseTo(posterior + (1 - posterior) * 0.1,
                org.assertj.core.data.Offset.offset(1e-12));
        if (last >= CUT) {
            assertThat(posterior).isGreaterThanOrEqualTo(before);
        } else {
            assertThat(posterior).isLessThanOrEqualTo(before);
        }
    }
}

package org.mastery.assessment.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented mapping of a fraction of credit onto a proficiency scale (README, "Scoring"). */
class ScaleMappingTest {

    static final Scale STANDARD = Scale.standard();

    @ParameterizedTest(name = "{0}/{1} correct -> level {2}")
    @CsvSource({
            // the README's worked example: ten items, standard scale, threshold 0.7
            "0, 10, 1", "3, 10, 1", "4, 10, 2", "6, 10, 2", "7, 10, 3", "8, 10, 3", "9, 10, 4", "10, 10, 4",
            // band edges are exact: 0.35 and 0.85 open the next band
            "7, 20, 2", "17, 20, 4", "6, 20, 1", "16, 20, 3",
            // four items on a competency
            "0, 4, 1", "1, 4, 1", "2, 4, 2", "3, 4, 3", "4, 4, 4"})
    void fractionsOfCreditOnTheStandardScale(long correct, long total, int level) {
        assertThat(ScaleMapping.levelFor(STANDARD, correct, total, 0.7)).isEqualTo(level);
    }

    @ParameterizedTest(name = "scaled {0} -> level {1}")
    @CsvSource({"0.0, 1", "0.349, 1", "0.35, 2", "0.69, 2", "0.7, 3", "0.849, 3", "0.85, 4", "1.0, 4", "-0.5, 1", "1.5, 4"})
    void scaledScoresMapTheSameWayAndAreClamped(double scaled, int level) {
        assertThat(ScaleMapping.levelFor(STANDARD, scaled, 0.7)).isEqualTo(level);
    }

    @ParameterizedTest(name = "threshold {0}: {1}/{2} -> {3}")
    @CsvSource({"0.8, 7, 10, 2", "0.8, 8, 10, 3", "0.8, 9, 10, 4", "0.8, 10, 10, 4", "1.0, 9, 10, 2", "1.0, 10, 10, 4"})
    void theMasteryThresholdIsTheFractionThatEarnsTheCut(double threshold, long correct, long total, int level) {
        assertThat(ScaleMapping.levelFor(STANDARD, correct, total, threshold)).isEqualTo(level);
    }

    @ParameterizedTest(name = "levels {0} cut {1}: {2}/{3} -> {4}")
    @CsvSource({
            "'0,1,2,3,4,5', 3, 0, 10, 0", "'0,1,2,3,4,5', 3, 3, 10, 1", "'0,1,2,3,4,5', 3, 5, 10, 2",
            "'0,1,2,3,4,5', 3, 7, 10, 3", "'0,1,2,3,4,5', 3, 8, 10, 4", "'0,1,2,3,4,5', 3, 9, 10, 5", "'0,1,2,3,4,5', 3, 10, 10, 5",
            "'1,2', 2, 6, 10, 1", "'1,2', 2, 7, 10, 2"})
    void otherScales(String levels, double cut, long correct, long total, int level) {
        Scale scale = new Scale(List.of(levels.split(",")).stream().map(Integer::valueOf).toList(), cut);
        assertThat(ScaleMapping.levelFor(scale, correct, total, 0.7)).isEqualTo(level);
    }

    @ParameterizedTest
    @CsvSource({"true, 3", "false, 2"})
    void successWithoutAScoreEarnsTheCutOrTheLevelBelowIt(boolean success, int level) {
        assertThat(ScaleMapping.levelForSuccess(STANDARD, success)).isEqualTo(level);
    }

    @Property
    void moreCreditNeverEarnsALowerLevelAndTheThresholdEarnsTheCut(@ForAll @IntRange(min = 1, max = 60) int total,
                                                                   @ForAll @IntRange(min = 0, max = 60) int correct) {
        int c = Math.min(correct, total);
        int level = ScaleMapping.levelFor(STANDARD, c, total, 0.7);
        assertThat(level).isBetween(1, 4);
        if (c < total) {
            assertThat(ScaleMapping.levelFor(STANDARD, c + 1, total, 0.7)).isGreaterThanOrEqualTo(level);
        }
        assertThat(STANDARD.meetsCut(level)).isEqualTo(c * 10 >= total * 7);
    }

    @ParameterizedTest
    @CsvSource({"0", "1.5", "-0.1"})
    void aThresholdOutsideZeroToOneIsRefused(double threshold) {
        assertThatThrownBy(() -> ScaleMapping.levelFor(STANDARD, 1, 2, threshold)).isInstanceOf(IllegalArgumentException.class);
    }
}

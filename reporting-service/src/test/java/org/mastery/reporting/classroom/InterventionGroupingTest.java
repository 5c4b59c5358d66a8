package org.mastery.reporting.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mastery.reporting.classroom.query.InterventionGrouping;

/** SPEC §3: 1 student → INDIVIDUAL, 2+ → SMALL_GROUP, half the class or more → WHOLE_CLASS. */
class InterventionGroupingTest {

    @ParameterizedTest(name = "{0} of {1} stuck → {2}")
    @CsvSource({
            "1, 25, INDIVIDUAL",
            "1, 2, INDIVIDUAL",
            "1, 1, INDIVIDUAL",
            "2, 25, SMALL_GROUP",
            "12, 25, SMALL_GROUP",
            "13, 25, WHOLE_CLASS",
            "12, 24, WHOLE_CLASS",
            "2, 4, WHOLE_CLASS",
            "2, 5, SMALL_GROUP",
            "25, 25, WHOLE_CLASS"})
    void groupsByHowManyAreStuck(int stuck, int classSize, InterventionGrouping expected) {
        assertThat(InterventionGrouping.of(stuck, classSize)).isEqualTo(expected);
    }

    @Test
    void nobodyStuckIsNoGroup() {
        assertThatThrownBy(() -> InterventionGrouping.of(0, 20)).isInstanceOf(IllegalArgumentException.class);
    }
}

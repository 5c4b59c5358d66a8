package org.mastery.reporting.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mastery.reporting.student.query.GradeTranslation;

class GradeTranslationTest {

    final GradeTranslation grades = new GradeTranslation(List.of("0.6:D", "0.9:A", "0.8:B", "0.7:C", "0:F"));

    @ParameterizedTest
    @CsvSource({"1.0, A", "0.9, A", "0.8999, B", "0.8, B", "0.75, C", "0.6, D", "0.59, F", "0, F"})
    void theShareOfCompetenciesMasteredMapsToALetter(double share, String grade) {
        assertThat(grades.grade(share)).isEqualTo(grade);
    }

    @Test
    void bandsAreOrderedHighestFirstAndValidated() {
        assertThat(grades.bands()).extracting(GradeTranslation.Band::grade).containsExactly("A", "B", "C", "D", "F");
        assertThat(new GradeTranslation(List.of("0.5:Pass")).grade(0.2)).isNull();
        assertThatThrownBy(() -> new GradeTranslation(List.of("A"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GradeTranslation(List.of("1.5:A"))).isInstanceOf(IllegalArgumentException.class);
    }
}

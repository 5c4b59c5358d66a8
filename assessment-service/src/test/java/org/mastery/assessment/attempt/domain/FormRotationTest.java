package org.mastery.assessment.attempt.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class FormRotationTest {

    static final List<String> FORMS = List.of("A", "B", "C");

    @Test
    void unseenFormsFirstInCyclicOrderAfterThePreviousOne() {
        assertThat(FormRotation.next(FORMS, List.of("A"), "s")).isEqualTo("B");
        assertThat(FormRotation.next(FORMS, List.of("B"), "s")).isEqualTo("C");
        assertThat(FormRotation.next(FORMS, List.of("C"), "s")).isEqualTo("A");
        assertThat(FormRotation.next(FORMS, List.of("A", "C"), "s")).isEqualTo("B");
    }

    @Test
    void whenEveryFormIsSeenTheOneSeenLongestAgoExceptThePrevious() {
        assertThat(FormRotation.next(FORMS, List.of("A", "B", "C"), "s")).isEqualTo("A");
        assertThat(FormRotation.next(FORMS, List.of("A", "B", "C", "A"), "s")).isEqualTo("B");
        assertThat(FormRotation.next(List.of("A", "B"), List.of("A", "B", "A", "B"), "s")).isEqualTo("A");
    }

    @Test
    void firstFormsAreSpreadOverStudents() {
        var first = new HashSet<String>();
        for (int i = 0; i < 30; i++) {
            first.add(FormRotation.next(FORMS, List.of(), "stu-" + i));
        }
        assertThat(first).containsExactlyInAnyOrderElementsOf(FORMS);
    }

    @Property
    void neverThePreviousFormAndAlwaysAnUnseenOneWhileAnyIsLeft(@ForAll("forms") List<String> forms,
                                                                 @ForAll @IntRange(min = 0, max = 12) int attempts,
                                                                 @ForAll @AlphaChars @StringLength(min = 1, max = 12) String student) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String next = FormRotation.next(forms, seen, student);
            assertThat(forms).contains(next);
            if (!seen.isEmpty()) {
                assertThat(next).isNotEqualTo(seen.get(seen.size() - 1));
            }
            if (!new HashSet<>(seen).containsAll(forms)) {
                assertThat(seen).doesNotContain(next);
            }
            seen.add(next);
        }
    }

    @Provide
    Arbitrary<List<String>> forms() {
        return Arbitraries.integers().between(2, 6).map(n -> {
            List<String> forms = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                forms.add("F" + i);
            }
            return forms;
        });
    }
}

package org.mastery.assessment.assessment.domain;

import java.util.List;

/**
 * A rubric criterion, aligned to one competency, scored at one of {@code levels} (values of that
 * competency's proficiency scale).
 */
public record Criterion(String criterionId, String competencyId, String description, List<Integer> levels) {

    public Criterion {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }
}

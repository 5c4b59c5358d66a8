package org.mastery.contracts.curriculum;

import java.util.List;

/**
 * A competency's proficiency scale: its levels and the mastery cut.
 *
 * @param levels ascending
 * @param masteryCut scores at or above it show mastery
 */
public record ProficiencyScale(
        List<ProficiencyLevel> levels,
        double masteryCut) {
}

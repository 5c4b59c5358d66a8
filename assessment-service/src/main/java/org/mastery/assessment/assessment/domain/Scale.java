package org.mastery.assessment.assessment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A competency's proficiency scale as this service uses it: the level values (ascending) and the
 * mastery cut. Copied from curriculum's competency definition when an assessment is defined, so
 * scoring never depends on a later revision of the competency.
 */
public record Scale(List<Integer> levels, double cut) {

    public Scale {
        levels = levels == null ? List.of() : List.copyOf(levels.stream().distinct().sorted().toList());
    }

    /** SPEC section 3's default: 1 Beginning, 2 Developing, 3 Proficient, 4 Advanced; cut 3. */
    public static Scale standard() {
        return new Scale(List.of(1, 2, 3, 4), 3.0);
    }

    /** Levels below the cut, ascending. */
    public List<Integer> belowCut() {
        List<Integer> below = new ArrayList<>();
        for (int level : levels) {
            if (level < cut) {
                below.add(level);
            }
        }
        return below;
    }

    /** Levels at or above the cut, ascending. */
    public List<Integer> atOrAboveCut() {
        List<Integer> above = new ArrayList<>();
        for (int level : levels) {
            if (level >= cut) {
                above.add(level);
            }
        }
        return above;
    }

    public int lowest() {
        return levels.get(0);
    }

    public int highest() {
        return levels.get(levels.size() - 1);
    }

    public boolean meetsCut(double score) {
        return score >= cut;
    }

    public boolean hasLevel(int value) {
        return levels.contains(value);
    }
}

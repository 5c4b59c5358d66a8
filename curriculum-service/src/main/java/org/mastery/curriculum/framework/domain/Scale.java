package org.mastery.curriculum.framework.domain;

import java.util.List;

/** A proficiency scale: ascending levels and the mastery cut (scores at or above it show mastery). */
public record Scale(List<Level> levels, double masteryCut) {

    public Scale {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** 1 Beginning, 2 Developing, 3 Proficient, 4 Advanced; cut 3 (SPEC section 3). */
    public static Scale standard() {
        return new Scale(List.of(
                new Level(1, "Beginning", "Shows an initial understanding with help"),
                new Level(2, "Developing", "Shows a partial understanding"),
                new Level(3, "Proficient", "Meets the standard independently"),
                new Level(4, "Advanced", "Exceeds the standard; transfers it to new situations")), 3.0);
    }

    public double lowest() {
        return levels.stream().mapToInt(Level::value).min().orElse(0);
    }

    public double highest() {
        return levels.stream().mapToInt(Level::value).max().orElse(0);
    }
}

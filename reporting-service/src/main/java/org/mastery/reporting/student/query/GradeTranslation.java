package org.mastery.reporting.student.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The configurable translation of competency mastery to traditional grades: the share of a course's
 * competencies mastered maps to a letter grade by bands ("0.9:A" = 90 % or more is an A).
 */
public final class GradeTranslation {

    public record Band(double minShare, String grade) {
    }

    private final List<Band> bands;

    public GradeTranslation(List<String> bands) {
        List<Band> parsed = new ArrayList<>();
        for (String band : bands) {
            String[] parts = band.split(":", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                throw new IllegalArgumentException("a grade band is 'minimumShare:grade', e.g. 0.9:A; got " + band);
            }
            double min = Double.parseDouble(parts[0].trim());
            if (min < 0 || min > 1) {
                throw new IllegalArgumentException("a grade band's share is between 0 and 1; got " + band);
            }
            parsed.add(new Band(min, parts[1].trim()));
        }
        parsed.sort(Comparator.comparingDouble(Band::minShare).reversed());
        this.bands = List.copyOf(parsed);
    }

    public List<Band> bands() {
        return bands;
    }

    /** The grade for a share of competencies mastered; null when no band applies. */
    public String grade(double share) {
        for (Band band : bands) {
            if (share + 1e-9 >= band.minShare()) {
                return band.grade();
            }
        }
        return null;
    }
}

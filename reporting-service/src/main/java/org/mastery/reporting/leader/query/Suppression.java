package org.mastery.reporting.leader.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-group suppression for leader roll-ups: any figure about fewer than {@code threshold} students
 * is shown as "&lt;threshold" so that no individual can be singled out. In a distribution whose total
 * is shown, a single suppressed cell could be recovered by subtraction, so the next smallest cell is
 * suppressed as well (complementary suppression).
 */
public final class Suppression {

    private final int threshold;

    public Suppression(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the suppression threshold is at least 1");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    public String marker() {
        return "<" + threshold;
    }

    public boolean suppressed(long groupSize) {
        return groupSize < threshold;
    }

    /** A count of students: the number, or the marker when the group is small. */
    public Object count(long students) {
        return suppressed(students) ? marker() : students;
    }

    /** A figure computed over a group of students: the figure, or the marker when the group is small. */
    public Object figure(long groupSize, Object figure) {
        return suppressed(groupSize) ? marker() : figure;
    }

    /** Counts of one distribution (their total shown elsewhere), with primary and complementary suppression. */
    public List<Object> distribution(List<Long> counts) {
        List<Object> shown = new ArrayList<>();
        int suppressedCells = 0;
        for (long c : counts) {
            if (suppressed(c)) {
                suppressedCells++;
            }
            shown.add(count(c));
        }
        if (suppressedCells == 1 && counts.size() > 1) {
            int smallest = -1;
            for (int i = 0; i < counts.size(); i++) {
                if (!suppressed(counts.get(i)) && (smallest < 0 || counts.get(i) < counts.get(smallest))) {
                    smallest = i;
                }
            }
            if (smallest >= 0) {
                shown.set(smallest, marker());
            }
        }
        return shown;
    }
}

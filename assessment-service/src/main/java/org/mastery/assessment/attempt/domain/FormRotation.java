package org.mastery.assessment.attempt.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which equivalent form a new attempt gets. A form the student has not seen, while one is left,
 * taken in cyclic order after the previous attempt's form (the first attempt starts at a position
 * derived from the student id, so classmates sitting side by side tend to get different forms).
 * Once every form has been seen: the form seen longest ago, never the previous attempt's form when
 * there is more than one.
 */
public final class FormRotation {

    private FormRotation() {
    }

    /**
     * @param formIds the assessment's forms, in definition order
     * @param seenInOrder the forms of the student's previous attempts on it, oldest first (voided ones included)
     */
    public static String next(List<String> formIds, List<String> seenInOrder, String studentId) {
        if (formIds.isEmpty()) {
            throw new IllegalArgumentException("an assessment has at least one form");
        }
        int n = formIds.size();
        if (n == 1) {
            return formIds.get(0);
        }
        String previous = seenInOrder.isEmpty() ? null : seenInOrder.get(seenInOrder.size() - 1);
        int previousIndex = previous == null ? -1 : formIds.indexOf(previous);
        int base = previousIndex >= 0 ? (previousIndex + 1) % n : Math.floorMod(studentId.hashCode(), n);
        Set<String> seen = new HashSet<>(seenInOrder);
        for (int i = 0; i < n; i++) {
            String candidate = formIds.get((base + i) % n);
            if (!seen.contains(candidate)) {
                return candidate;
            }
        }
        Map<String, Integer> lastSeenAt = new HashMap<>();
        for (int i = 0; i < seenInOrder.size(); i++) {
            lastSeenAt.put(seenInOrder.get(i), i);
        }
        String best = null;
        int bestSeenAt = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            String candidate = formIds.get((base + i) % n);
            if (candidate.equals(previous)) {
                continue;
            }
            int seenAt = lastSeenAt.getOrDefault(candidate, -1);
            if (seenAt < bestSeenAt) {
                best = candidate;
                bestSeenAt = seenAt;
            }
        }
        return best;
    }
}

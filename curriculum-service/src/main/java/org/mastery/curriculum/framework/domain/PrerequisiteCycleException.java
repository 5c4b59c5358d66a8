package org.mastery.curriculum.framework.domain;

import java.util.List;

/**
 * The prerequisites would form a cycle; answered with 409 naming it by competency codes in the
 * order "is a prerequisite of": {@code A → B → C → A} means A comes before B, B before C, C before A.
 */
public class PrerequisiteCycleException extends RuntimeException {

    private final List<String> cycle;

    public PrerequisiteCycleException(List<String> cycleCodes) {
        super("Prerequisites may not form a cycle: " + String.join(" → ", cycleCodes)
                + " (each arrow reads 'is a prerequisite of')");
        this.cycle = List.copyOf(cycleCodes);
    }

    /** The codes along the cycle, the first repeated at the end. */
    public List<String> cycle() {
        return cycle;
    }
}

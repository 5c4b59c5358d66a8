package org.mastery.assessment.attempt.domain;

import java.util.List;

/** The responses or scores do not fit the assessment (answered 400, each problem named). */
public class InvalidScoringException extends RuntimeException {

    private final List<String> problems;

    public InvalidScoringException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

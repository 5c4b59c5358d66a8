package org.mastery.assessment.assessment.domain;

import java.util.List;

/** The definition breaks the structural rules of an assessment (each problem named). */
public class InvalidAssessmentException extends RuntimeException {

    private final List<String> problems;

    public InvalidAssessmentException(List<String> problems) {
        super("The assessment is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

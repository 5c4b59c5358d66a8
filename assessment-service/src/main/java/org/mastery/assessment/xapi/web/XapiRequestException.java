package org.mastery.assessment.xapi.web;

import java.util.List;

/** Statements that are not valid xAPI (answered 400, each problem named). */
public class XapiRequestException extends RuntimeException {

    private final List<String> problems;

    public XapiRequestException(List<String> problems) {
        super("The statements are not valid xAPI 1.0.3: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

package org.mastery.assessment.xapi.web;

import java.util.ArrayList;
import java.util.List;

/** Valid statements that cannot become evidence: unmapped activities, unusable results (answered 422). */
public class XapiUnprocessableException extends RuntimeException {

    private final List<String> unmappedActivityIds;
    private final List<String> problems;

    public XapiUnprocessableException(List<String> unmappedActivityIds, List<String> problems) {
        super(message(unmappedActivityIds, problems));
        this.unmappedActivityIds = List.copyOf(unmappedActivityIds);
        this.problems = List.copyOf(problems);
    }

    private static String message(List<String> unmapped, List<String> problems) {
        List<String> parts = new ArrayList<>();
        if (!unmapped.isEmpty()) {
            parts.add("no assessment or competency is mapped to activity " + String.join(", ", unmapped));
        }
        parts.addAll(problems);
        return "Nothing was recorded: " + String.join("; ", parts);
    }

    public List<String> unmappedActivityIds() {
        return unmappedActivityIds;
    }

    public List<String> problems() {
        return problems;
    }
}

package org.mastery.assessment.assessment.web;

import java.util.ArrayList;
import java.util.List;

/** Competencies an assessment may not be aligned to, by reason (answered 422, ids named). */
public class CompetencyAlignmentException extends RuntimeException {

    private final List<String> unknown;
    private final List<String> retired;
    private final List<String> notAssessable;

    public CompetencyAlignmentException(List<String> unknown, List<String> retired, List<String> notAssessable) {
        super(message(unknown, retired, notAssessable));
        this.unknown = List.copyOf(unknown);
        this.retired = List.copyOf(retired);
        this.notAssessable = List.copyOf(notAssessable);
    }

    private static String message(List<String> unknown, List<String> retired, List<String> notAssessable) {
        List<String> parts = new ArrayList<>();
        if (!unknown.isEmpty()) {
            parts.add("unknown competencies " + String.join(", ", unknown));
        }
        if (!retired.isEmpty()) {
            parts.add("retired competencies " + String.join(", ", retired));
        }
        if (!notAssessable.isEmpty()) {
            parts.add("competencies that are not assessable " + String.join(", ", notAssessable));
        }
        return "An assessment cannot be aligned to " + String.join("; ", parts);
    }

    public List<String> unknown() {
        return unknown;
    }

    public List<String> retired() {
        return retired;
    }

    public List<String> notAssessable() {
        return notAssessable;
    }
}

package org.mastery.curriculum.course.domain;

import java.util.List;

/** What a course says: its code, title, subject, credits and the competencies it groups (from any frameworks). */
public record CourseContent(String code, String title, String subject, double credits, List<String> competencyIds) {

    public CourseContent {
        competencyIds = competencyIds == null ? List.of() : List.copyOf(competencyIds);
    }

    /** Stripped, de-duplicated, and checked; {@link InvalidCourseException} names what is wrong. */
    public CourseContent normalized() {
        if (Double.isNaN(credits) || Double.isInfinite(credits) || credits < 0 || credits > 100) {
            throw new InvalidCourseException("credits must be between 0 and 100 (got " + credits + ")");
        }
        if (competencyIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw new InvalidCourseException("competencyIds must not hold blank ids");
        }
        return new CourseContent(field(code, "code", 60), field(title, "title", 200), field(subject, "subject", 100), credits,
                competencyIds.stream().map(String::strip).distinct().toList());
    }

    private static String field(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidCourseException("A course needs a " + name);
        }
        if (value.strip().length() > max) {
            throw new InvalidCourseException("A course's " + name + " must be at most " + max + " characters");
        }
        return value.strip();
    }
}

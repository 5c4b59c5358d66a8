package org.mastery.reporting.student.query;

import java.time.LocalDate;
import java.util.List;

/** What a guardian sees: their children only, in plain language. */
public record GuardianView(String guardianId, List<Child> children) {

    public record Child(String studentId, String name, String headline, List<Skill> skills, List<String> needsHelpWith,
                        List<String> comingNext, List<Goal> goals, String tutoring) {
    }

    public record Skill(String competencyId, String skill, String status, String whatItMeans, String whatMasteryLooksLike) {
    }

    public record Goal(String skill, LocalDate targetDate, String status) {
    }
}

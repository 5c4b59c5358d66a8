package org.mastery.progression.journey.domain;

import java.util.List;

/**
 * What the curriculum says about one competency, passed in with each command so that the journey
 * stays a deterministic function of its commands: the policy version in force, the competency's own
 * prerequisites, the competencies it is a prerequisite of, and the courses it belongs to.
 */
public record CompetencyContext(CompetencyPolicy policy, List<String> prerequisiteIds, List<Dependent> dependents,
                                List<CourseRequirement> courses) {

    public CompetencyContext {
        prerequisiteIds = prerequisiteIds == null ? List.of() : List.copyOf(prerequisiteIds);
        dependents = dependents == null ? List.of() : List.copyOf(dependents);
        courses = courses == null ? List.of() : List.copyOf(courses);
    }

    public String competencyId() {
        return policy.competencyId();
    }

    /** Only the policy: no prerequisites, dependents or courses known. */
    public static CompetencyContext of(CompetencyPolicy policy) {
        return new CompetencyContext(policy, List.of(), List.of(), List.of());
    }
}

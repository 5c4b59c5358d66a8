package org.mastery.contracts.curriculum;

/** The topics curriculum-service writes; it is their only writer. */
public final class CurriculumTopics {

    /** Frameworks and their competencies, keyed by framework id. */
    public static final String FRAMEWORKS = "curriculum.frameworks.v1";

    /** Courses with their competencies and credits, keyed by course id. */
    public static final String COURSES = "curriculum.courses.v1";

    private CurriculumTopics() {
    }
}

package org.mastery.contracts.curriculum;

/**
 * A course was defined. Published on {@link CurriculumTopics#COURSES} as {@code
 * curriculum.CourseDefined}.
 */
public record CourseDefined(
        CourseDefinition course) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "curriculum.CourseDefined";
}

package org.mastery.contracts.curriculum;

/**
 * A course was given a new definition version (competencies or credits changed). Published on
 * {@link CurriculumTopics#COURSES} as {@code curriculum.CourseRevised}.
 */
public record CourseRevised(
        CourseDefinition course,
        int previousVersion) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "curriculum.CourseRevised";
}

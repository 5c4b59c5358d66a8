package org.mastery.contracts.curriculum;

/**
 * A competency was given a new definition version (statement, scale, policy, prerequisites, phases
 * or resources changed). Published on {@link CurriculumTopics#FRAMEWORKS} as {@code
 * curriculum.CompetencyRevised}.
 *
 * @param competency the whole new definition
 */
public record CompetencyRevised(
        CompetencyDefinition competency,
        int previousVersion) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "curriculum.CompetencyRevised";
}

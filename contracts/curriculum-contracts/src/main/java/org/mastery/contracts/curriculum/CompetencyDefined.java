package org.mastery.contracts.curriculum;

/**
 * A competency was defined (its first definition). Published on {@link
 * CurriculumTopics#FRAMEWORKS} as {@code curriculum.CompetencyDefined}.
 *
 * @param competency the whole definition, self-contained
 */
public record CompetencyDefined(
        CompetencyDefinition competency) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "curriculum.CompetencyDefined";
}

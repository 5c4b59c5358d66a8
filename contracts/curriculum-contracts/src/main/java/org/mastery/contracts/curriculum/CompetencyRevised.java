package org.mastery.contracts.curriculum;

/**
 * A competency was given a new definition version (statement, scale, policy, prerequisites, phases
 * or resources changed). Published on {@link CurriculumTopics#FRAMEWORKS} as {@code
 * curriculum.CompetencyRevised}.
 *
 * <p>The event with the highest {@code competencyVersion} of a competency carries its definition in
 * force, and its {@code status} says whether it is PUBLISHED. Publishing a framework version emits,
 * before its {@link FrameworkPublished}, one {@code CompetencyRevised} with status PUBLISHED (and a
 * new {@code competencyVersion}) for every competency the version defined or revised. A competency
 * never goes back from PUBLISHED to DRAFT on the stream: draft revisions of an already published
 * competency stay inside curriculum-service until their framework version is published, so
 * {@code competencyVersion} may skip numbers; {@code policy.policyVersion} changes only with the policy.
 *
 * @param competency the whole new definition
 */
public record CompetencyRevised(
        CompetencyDefinition competency,
        int previousVersion) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "curriculum.CompetencyRevised";
}

package org.mastery.contracts.assessment;

import java.util.List;

/**
 * An assessment was defined, aligned to competencies, with equivalent forms. Published on {@link
 * AssessmentTopics#ASSESSMENTS} as {@code assessment.AssessmentDefined}.
 *
 * @param type FORMATIVE, INTERIM or SUMMATIVE
 * @param method SELECTED_RESPONSE, CONSTRUCTED_RESPONSE, PERFORMANCE_TASK, PROJECT,
 *     PRESENTATION, PORTFOLIO, OBSERVATION, EXIT_TICKET, ...
 * @param formIds equivalent forms
 * @param scoring ANSWER_KEY or RUBRIC
 */
public record AssessmentDefined(
        String assessmentId,
        int version,
        String title,
        String type,
        String method,
        List<String> competencyIds,
        List<String> formIds,
        String scoring,
        RetakePolicy retakePolicy,
        String authorId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "assessment.AssessmentDefined";
}

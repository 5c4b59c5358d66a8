package org.mastery.assessment.assessment.domain;

/** How the student shows what they can do. Progression may require several of these among the evidence. */
public enum AssessmentMethod {
    SELECTED_RESPONSE, CONSTRUCTED_RESPONSE, PERFORMANCE_TASK, PROJECT, PRESENTATION, PORTFOLIO, OBSERVATION, EXIT_TICKET
}

package org.mastery.assessment.assessment.domain;

/** What an assessment is for: checking progress (formative, interim) or certifying mastery (summative). */
public enum AssessmentType {
    FORMATIVE, INTERIM, SUMMATIVE
}

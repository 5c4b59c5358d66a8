package org.mastery.assessment.attempt.domain;

public enum AttemptStatus {
    STARTED, SUBMITTED, SCORED, VOIDED
}

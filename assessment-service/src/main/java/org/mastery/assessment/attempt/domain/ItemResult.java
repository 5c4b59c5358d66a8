package org.mastery.assessment.attempt.domain;

/** Whether an answer-key item was earned (the response itself stays out of the event log). */
public record ItemResult(String itemId, String competencyId, boolean correct) {
}

package org.mastery.assessment.assessment.web;

/** The assessment is retired: nothing new starts on it (answered 409). */
public class AssessmentRetiredException extends RuntimeException {

    private final String assessmentId;

    public AssessmentRetiredException(String assessmentId) {
        super("Assessment " + assessmentId + " is retired; no new attempts or evidence are taken on it");
        this.assessmentId = assessmentId;
    }

    public String assessmentId() {
        return assessmentId;
    }
}

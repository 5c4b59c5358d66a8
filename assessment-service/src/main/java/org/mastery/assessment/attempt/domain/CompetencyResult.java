package org.mastery.assessment.attempt.domain;

/** What one scoring of an attempt earned on one aligned competency, and the evidence recorded for it. */
public record CompetencyResult(String competencyId, double score, double cut, String evidenceId) {

    public boolean meetsCut() {
        return score >= cut;
    }
}

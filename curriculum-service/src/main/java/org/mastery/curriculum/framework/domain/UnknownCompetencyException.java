package org.mastery.curriculum.framework.domain;

/** The competency is not part of the framework; 404. */
public class UnknownCompetencyException extends RuntimeException {

    private final String competencyId;

    public UnknownCompetencyException(String competencyId) {
        super("No competency with id " + competencyId);
        this.competencyId = competencyId;
    }

    public String competencyId() {
        return competencyId;
    }
}

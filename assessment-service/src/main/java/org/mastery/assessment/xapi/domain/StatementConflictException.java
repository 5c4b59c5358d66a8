package org.mastery.assessment.xapi.domain;

/** A statement with this id was recorded with different content (xAPI: ids are never reused). */
public class StatementConflictException extends RuntimeException {

    private final String statementId;

    public StatementConflictException(String statementId) {
        super("Statement " + statementId + " was already recorded with different content; statement ids cannot be reused");
        this.statementId = statementId;
    }

    public String statementId() {
        return statementId;
    }
}

package org.mastery.assessment.xapi.domain;

import java.util.List;
import org.mastery.assessment.attempt.domain.CompetencyResult;

/** What recording a statement did: recorded now, or already recorded (a retry, nothing new). */
public record StatementOutcome(String statementId, boolean alreadyRecorded, List<CompetencyResult> scores) {
}

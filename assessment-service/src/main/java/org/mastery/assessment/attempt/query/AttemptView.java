package org.mastery.assessment.attempt.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mastery.assessment.attempt.domain.CompetencyResult;
import org.mastery.assessment.attempt.domain.CriterionScore;
import org.mastery.assessment.attempt.domain.ItemResult;

/**
 * An attempt as clients read it, one MongoDB document per attempt ({@code _id} = attempt id).
 * {@code sequence} is the last event of the attempt's series applied to it: an event at or below it
 * is a redelivery and is skipped.
 */
public class AttemptView {

    public String attemptId;
    public String studentId;
    public String assessmentId;
    public int attemptNumber;
    public String formId;
    public String status;
    public String startedBy;
    public Instant startedAt;
    public String submittedBy;
    public Instant submittedAt;
    public boolean awaitingScoring;
    public int responseCount;
    public int evidenceUriCount;
    public String assessmentType;
    public String method;
    public String scoring;
    public int scoringRound;
    public String scorerId;
    public Instant scoredAt;
    public Boolean passed;
    public List<CompetencyResult> scores = new ArrayList<>();
    public List<ItemResult> itemResults = new ArrayList<>();
    public List<CriterionScore> criterionScores = new ArrayList<>();
    public Instant retakeAvailableAt;
    public List<Rescore> rescores = new ArrayList<>();
    public List<String> practisedCompetencies = new ArrayList<>();
    public Voiding voided;
    public long sequence = -1;

    /** One rescoring of the attempt. */
    public record Rescore(int round, String scorerId, String reasonCode, Instant rescoredAt, List<String> supersededEvidenceIds) {
    }

    /** Why and when the attempt was voided. */
    public record Voiding(String reasonCode, String voidedBy, Instant voidedAt) {
    }
}

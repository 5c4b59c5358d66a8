package org.mastery.assessment.xapi.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.mastery.assessment.assessment.domain.AlignedCompetency;
import org.mastery.assessment.attempt.domain.CompetencyResult;
import org.mastery.assessment.evidence.domain.EvidenceIds;
import org.mastery.assessment.evidence.domain.EvidenceRecorded;

/**
 * One xAPI statement, identified by its statement id: recording it again (a tool's retry) records
 * nothing new, so one statement never yields two pieces of evidence on a competency.
 */
@Aggregate
public class XapiStatement {

    @AggregateIdentifier
    private String statementKey;
    private String fingerprint;
    private List<CompetencyResult> scores = List.of();

    protected XapiStatement() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public StatementOutcome handle(RecordStatement command, Clock clock) {
        if (!RecordStatement.keyOf(command.statementId()).equals(command.statementKey())) {
            throw new IllegalArgumentException("statement key " + command.statementKey() + " is not the key of " + command.statementId());
        }
        if (fingerprint != null) {
            if (fingerprint.equals(command.fingerprint())) {
                return new StatementOutcome(command.statementId(), true, scores);
            }
            throw new StatementConflictException(command.statementId());
        }
        if (command.competencies().isEmpty()) {
            throw new IllegalArgumentException("a statement is recorded on at least one competency");
        }
        Instant now = clock.instant();
        List<CompetencyResult> results = new ArrayList<>();
        for (AlignedCompetency competency : command.competencies()) {
            double level = command.result().level(competency.scale(), command.masteryThreshold());
            results.add(new CompetencyResult(competency.competencyId(), level, competency.scale().cut(),
                    EvidenceIds.forStatement(command.statementId(), competency.competencyId())));
        }
        apply(new StatementRecorded(command.statementKey(), command.statementId(), command.studentId(), command.activityId(),
                command.assessmentId(), command.method(), command.result().scaled(), command.result().success(), results,
                command.fingerprint(), command.observedAt(), command.recordedBy(), now));
        for (CompetencyResult result : results) {
            apply(new EvidenceRecorded(result.evidenceId(), command.studentId(), result.competencyId(), result.score(),
                    command.method(), command.assessmentType(), command.assessmentId(), null, command.statementId(),
                    command.recordedBy(), command.observedAt(), now, null));
        }
        return new StatementOutcome(command.statementId(), false, results);
    }

    @EventSourcingHandler
    void on(StatementRecorded event) {
        statementKey = event.statementKey();
        fingerprint = event.fingerprint();
        scores = event.scores();
    }
}

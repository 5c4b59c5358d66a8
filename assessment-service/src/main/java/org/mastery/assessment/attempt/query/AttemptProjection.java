package org.mastery.assessment.attempt.query;

import java.util.ArrayList;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.mastery.assessment.attempt.domain.AttemptRescored;
import org.mastery.assessment.attempt.domain.AttemptScored;
import org.mastery.assessment.attempt.domain.AttemptStarted;
import org.mastery.assessment.attempt.domain.AttemptStatus;
import org.mastery.assessment.attempt.domain.AttemptSubmitted;
import org.mastery.assessment.attempt.domain.AttemptVoided;
import org.mastery.assessment.attempt.domain.CompetencyResult;
import org.mastery.assessment.attempt.domain.RetakePracticeCompleted;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link AttemptView} documents from the attempt events. Each document remembers the last
 * series event applied to it, so a redelivered event (after a crash between the write and the
 * stored position) changes nothing.
 */
@Component
@ProcessingGroup("attempt-projection")
public class AttemptProjection {

    private final AttemptViews views;

    public AttemptProjection(AttemptViews views) {
        this.views = views;
    }

    @EventHandler
    void on(AttemptStarted event, @SequenceNumber long sequence) {
        if (views.find(event.attemptId()).map(v -> v.sequence >= sequence).orElse(false)) {
            return;
        }
        AttemptView view = new AttemptView();
        view.attemptId = event.attemptId();
        view.studentId = event.studentId();
        view.assessmentId = event.assessmentId();
        view.attemptNumber = event.attemptNumber();
        view.formId = event.formId();
        view.status = AttemptStatus.STARTED.name();
        view.startedBy = event.startedBy();
        view.startedAt = event.startedAt();
        view.sequence = sequence;
        views.save(view);
    }

    @EventHandler
    void on(AttemptSubmitted event, @SequenceNumber long sequence) {
        update(event.attemptId(), sequence, view -> {
            view.status = AttemptStatus.SUBMITTED.name();
            view.submittedBy = event.submittedBy();
            view.submittedAt = event.submittedAt();
            view.awaitingScoring = event.awaitingScoring();
            view.responseCount = event.responseCount();
            view.evidenceUriCount = event.evidenceUriCount();
        });
    }

    @EventHandler
    void on(AttemptScored event, @SequenceNumber long sequence) {
        update(event.attemptId(), sequence, view -> {
            view.status = AttemptStatus.SCORED.name();
            view.awaitingScoring = false;
            view.assessmentType = event.assessmentType().name();
            view.method = event.method().name();
            view.scoring = event.scoring().name();
            view.scoringRound = event.round();
            view.scorerId = event.scorerId();
            view.scoredAt = event.scoredAt();
            view.passed = event.passed();
            view.scores = new ArrayList<>(event.scores());
            view.itemResults = new ArrayList<>(event.itemResults());
            view.criterionScores = new ArrayList<>(event.criterionScores());
            view.retakeAvailableAt = event.retakeLockedUntil();
        });
    }

    @EventHandler
    void on(AttemptRescored event, @SequenceNumber long sequence) {
        update(event.attemptId(), sequence, view -> {
            view.rescores.add(new AttemptView.Rescore(event.round(), event.scorerId(), event.reasonCode(), event.rescoredAt(),
                    view.scores.stream().map(CompetencyResult::evidenceId).toList()));
            view.scoringRound = event.round();
            view.scorerId = event.scorerId();
            view.passed = event.passed();
            view.scores = new ArrayList<>(event.scores());
            view.itemResults = new ArrayList<>(event.itemResults());
            view.criterionScores = new ArrayList<>(event.criterionScores());
            view.retakeAvailableAt = event.retakeLockedUntil();
        });
    }

    @EventHandler
    void on(AttemptVoided event, @SequenceNumber long sequence) {
        update(event.attemptId(), sequence, view -> {
            view.status = AttemptStatus.VOIDED.name();
            view.awaitingScoring = false;
            view.retakeAvailableAt = null;
            view.voided = new AttemptView.Voiding(event.reasonCode(), event.voidedBy(), event.voidedAt());
        });
    }

    @EventHandler
    void on(RetakePracticeCompleted event, @SequenceNumber long sequence) {
        update(event.failedAttemptId(), sequence, view -> {
            if (!view.practisedCompetencies.contains(event.competencyId())) {
                view.practisedCompetencies.add(event.competencyId());
            }
        });
    }

    private void update(String attemptId, long sequence, Consumer<AttemptView> change) {
        views.find(attemptId).filter(view -> view.sequence < sequence).ifPresent(view -> {
            change.accept(view);
            view.sequence = sequence;
            views.save(view);
        });
    }
}

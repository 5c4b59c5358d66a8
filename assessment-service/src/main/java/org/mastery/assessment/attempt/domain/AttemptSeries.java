package org.mastery.assessment.attempt.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.mastery.assessment.assessment.domain.AlignedCompetency;
import org.mastery.assessment.assessment.domain.AssessmentSpec;
import org.mastery.assessment.assessment.domain.Form;
import org.mastery.assessment.assessment.domain.ScoringKind;
import org.mastery.assessment.evidence.domain.EvidenceIds;
import org.mastery.assessment.evidence.domain.EvidenceRecorded;
import org.mastery.assessment.evidence.domain.EvidenceVoidReason;
import org.mastery.assessment.evidence.domain.EvidenceVoided;

/**
 * All of one student's attempts on one assessment: the consistency boundary of the rules that look
 * across attempts (form rotation, the retake protocol, idempotent starts) and of each attempt's
 * lifecycle (submit, score, rescore, void). Scoring emits one {@link EvidenceRecorded} per aligned
 * competency; corrections are new events that reference what they correct.
 */
@Aggregate
public class AttemptSeries {

    public static final String AUTO_SCORER = "auto";

    @AggregateIdentifier
    private String seriesId;
    private String studentId;
    private String assessmentId;
    private final List<Attempt> attempts = new ArrayList<>();
    private final Map<String, String> attemptsByRequestKey = new HashMap<>();

    protected AttemptSeries() {
        // for Axon
    }

    // ---------------------------------------------------------------- commands

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AttemptSnapshot handle(StartAttempt command, Clock clock) {
        requireSeries(command.seriesId(), command.studentId(), command.spec());
        Optional<Attempt> earlier = byRequestKey(command.requestKey());
        if (earlier.isPresent()) {
            return snapshot(earlier.get(), true);
        }
        Instant now = clock.instant();
        for (Attempt attempt : attempts) {
            if (attempt.status == AttemptStatus.STARTED) {
                throw new AttemptConflictException(AttemptConflictException.Reason.ATTEMPT_IN_PROGRESS, attempt.attemptId,
                        "Attempt " + attempt.attemptId + " on this assessment is still in progress; submit or void it first");
            }
            if (attempt.status == AttemptStatus.SUBMITTED && command.spec().summative()) {
                throw new AttemptConflictException(AttemptConflictException.Reason.AWAITING_SCORING, attempt.attemptId,
                        "Attempt " + attempt.attemptId + " on this summative assessment awaits scoring; a retake is decided by its result");
            }
        }
        Optional<Attempt> failure = activeFailure();
        if (failure.isPresent() && failure.get().locksAt(now)) {
            Attempt failed = failure.get();
            throw new RetakeLockedException(command.spec().assessmentId(), failed.attemptId, failed.retakeLockedUntil,
                    failed.practiceUnlocks, failed.practiceStillRequired());
        }
        String formId = FormRotation.next(command.spec().formIds(), seenForms(), command.studentId());
        int number = attempts.size() + 1;
        String attemptId = AttemptIds.attemptId(command.seriesId(), number);
        apply(new AttemptStarted(command.seriesId(), attemptId, command.studentId(), command.spec().assessmentId(), number,
                formId, command.startedBy(), now, command.requestKey()));
        return snapshot(attempt(attemptId), false);
    }

    @CommandHandler
    public AttemptSnapshot handle(SubmitAttempt command, Clock clock) {
        Attempt attempt = attempt(command.attemptId());
        if (attempt.status == AttemptStatus.VOIDED) {
            throw voided(attempt);
        }
        if (attempt.status != AttemptStatus.STARTED) {
            throw new AttemptConflictException(AttemptConflictException.Reason.ALREADY_SUBMITTED, attempt.attemptId,
                    "Attempt " + attempt.attemptId + " was already submitted at " + attempt.submittedAt);
        }
        AssessmentSpec spec = command.spec();
        boolean answerKey = spec.scoring() == ScoringKind.ANSWER_KEY;
        Form form = form(spec, attempt);
        if (answerKey) {
            List<String> unknown = AnswerKeyScoring.unknownItems(form, command.responses());
            if (!unknown.isEmpty()) {
                throw new InvalidScoringException(List.of("form " + form.formId() + " has no items " + unknown));
            }
        }
        Instant now = clock.instant();
        apply(new AttemptSubmitted(seriesId, attempt.attemptId, studentId, assessmentId, attempt.number, attempt.formId,
                command.submittedBy(), now,
                !answerKey, command.responses().size(), command.evidenceUriCount()));
        if (answerKey) {
            score(attempt, spec, AnswerKeyScoring.mark(form, command.responses()), List.of(), AUTO_SCORER, now);
        }
        return snapshot(attempt, false);
    }

    @CommandHandler
    public AttemptSnapshot handle(ScoreAttempt command, Clock clock) {
        Attempt attempt = attempt(command.attemptId());
        AssessmentSpec spec = command.spec();
        if (spec.scoring() != ScoringKind.RUBRIC) {
            throw new AttemptConflictException(AttemptConflictException.Reason.AUTO_SCORED, attempt.attemptId,
                    "Attempt " + attempt.attemptId + " is scored automatically from the answer key; use rescore to correct it");
        }
        switch (attempt.status) {
            case VOIDED -> throw voided(attempt);
            case STARTED -> throw new AttemptConflictException(AttemptConflictException.Reason.NOT_SUBMITTED, attempt.attemptId,
                    "Attempt " + attempt.attemptId + " has not been submitted yet");
            case SCORED -> throw new AttemptConflictException(AttemptConflictException.Reason.ALREADY_SCORED, attempt.attemptId,
                    "Attempt " + attempt.attemptId + " is already scored; use rescore to change its scores");
            default -> {
                // SUBMITTED: ready to score
            }
        }
        List<String> problems = RubricScoring.problems(spec, command.criterionLevels());
        if (!problems.isEmpty()) {
            throw new InvalidScoringException(problems);
        }
        score(attempt, spec, List.of(), RubricScoring.criterionScores(spec, command.criterionLevels()), command.scorerId(),
                clock.instant());
        return snapshot(attempt, false);
    }

    @CommandHandler
    public AttemptSnapshot handle(RescoreAttempt command, Clock clock) {
        Attempt attempt = attempt(command.attemptId());
        AssessmentSpec spec = command.spec();
        if (attempt.status == AttemptStatus.VOIDED) {
            throw voided(attempt);
        }
        if (attempt.status != AttemptStatus.SCORED) {
            throw new AttemptConflictException(AttemptConflictException.Reason.NOT_SCORED, attempt.attemptId,
                    "Attempt " + attempt.attemptId + " has not been scored yet; score it first");
        }
        List<ItemResult> itemResults = List.of();
        List<CriterionScore> criterionScores = List.of();
        if (spec.scoring() == ScoringKind.RUBRIC) {
            List<String> problems = RubricScoring.problems(spec, command.criterionLevels());
            if (!problems.isEmpty()) {
                throw new InvalidScoringException(problems);
            }
            criterionScores = RubricScoring.criterionScores(spec, command.criterionLevels());
        } else {
            if (command.itemCredits().isEmpty()) {
                throw new InvalidScoringException(List.of("a rescore of an answer-key attempt names the items to credit or discredit"));
            }
            List<String> unknown = command.itemCredits().keySet().stream()
                    .filter(itemId -> attempt.itemResults.stream().noneMatch(r -> r.itemId().equals(itemId))).sorted().toList();
            if (!unknown.isEmpty()) {
                throw new InvalidScoringException(List.of("form " + attempt.formId + " has no items " + unknown));
            }
            List<ItemResult> rescored = new ArrayList<>();
            for (ItemResult result : attempt.itemResults) {
                Boolean credit = command.itemCredits().get(result.itemId());
                rescored.add(credit == null ? result : new ItemResult(result.itemId(), result.competencyId(), credit));
            }
            itemResults = rescored;
        }
        Instant now = clock.instant();
        int round = attempt.round + 1;
        Map<String, Double> levels = spec.scoring() == ScoringKind.RUBRIC
                ? RubricScoring.levels(spec, criterionScores) : AnswerKeyScoring.levels(spec, itemResults);
        List<CompetencyResult> scores = results(spec, attempt.attemptId, round, levels);
        boolean passed = scores.stream().allMatch(CompetencyResult::meetsCut);
        Instant lockedUntil = null;
        if (spec.summative() && !passed) {
            // a rescore does not restart a cool-down that was already running
            lockedUntil = attempt.retakeLockedUntil != null ? attempt.retakeLockedUntil : coolDownEnd(spec, now);
        }
        Map<String, String> previous = attempt.evidenceByCompetency();
        apply(new AttemptRescored(seriesId, attempt.attemptId, studentId, assessmentId, spec.type(), spec.method(), round,
                scores, itemResults, criterionScores, command.scorerId(), command.reasonCode(), now, passed, lockedUntil,
                spec.retakePolicy().practiceUnlocks()));
        for (CompetencyResult score : scores) {
            String old = previous.get(score.competencyId());
            if (old != null) {
                apply(new EvidenceVoided(old, studentId, score.competencyId(), EvidenceVoidReason.RESCORED,
                        score.evidenceId(), attempt.attemptId, now));
            }
            apply(new EvidenceRecorded(score.evidenceId(), studentId, score.competencyId(), score.score(), spec.method(),
                    spec.type(), assessmentId, attempt.attemptId, null, command.scorerId(), attempt.submittedAt, now, old));
        }
        return snapshot(attempt, false);
    }

    @CommandHandler
    public AttemptSnapshot handle(VoidAttempt command, Clock clock) {
        Attempt attempt = attempt(command.attemptId());
        if (attempt.status == AttemptStatus.VOIDED) {
            throw new AttemptConflictException(AttemptConflictException.Reason.VOIDED, attempt.attemptId,
                    "Attempt " + attempt.attemptId + " is already voided");
        }
        boolean scored = attempt.status == AttemptStatus.SCORED;
        List<CompetencyResult> scores = List.copyOf(attempt.scores);
        Instant now = clock.instant();
        apply(new AttemptVoided(seriesId, attempt.attemptId, studentId, assessmentId, command.reasonCode(),
                command.voidedBy(), now));
        if (scored) {
            for (CompetencyResult score : scores) {
                apply(new EvidenceVoided(score.evidenceId(), studentId, score.competencyId(), EvidenceVoidReason.VOIDED,
                        null, attempt.attemptId, now));
            }
        }
        return snapshot(attempt, false);
    }

    /** Answers whether anything was credited; a stale or irrelevant unlock changes nothing. */
    @CommandHandler
    public boolean handle(UnlockRetake command, Clock clock) {
        Optional<Attempt> failure = activeFailure();
        if (failure.isEmpty() || !failure.get().practiceUnlocks) {
            return false;
        }
        Attempt failed = failure.get();
        List<String> toCredit = new ArrayList<>();
        for (String competencyId : failed.practiceStillRequired()) {
            if (command.competencyId() == null || command.competencyId().equals(competencyId)) {
                toCredit.add(competencyId);
            }
        }
        Instant now = clock.instant();
        for (String competencyId : toCredit) {
            apply(new RetakePracticeCompleted(seriesId, studentId, assessmentId, failed.attemptId, competencyId,
                    command.reason(), now));
        }
        return !toCredit.isEmpty();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public AttemptSnapshot handle(RecordObservation command, Clock clock) {
        requireSeries(command.seriesId(), command.studentId(), command.spec());
        Optional<Attempt> earlier = byRequestKey(command.requestKey());
        if (earlier.isPresent()) {
            return snapshot(earlier.get(), true);
        }
        AssessmentSpec spec = command.spec();
        if (spec.scoring() != ScoringKind.RUBRIC) {
            throw new InvalidScoringException(List.of("observations are scored with a rubric; assessment "
                    + spec.assessmentId() + " is scored from an answer key"));
        }
        List<String> problems = RubricScoring.problems(spec, command.criterionLevels());
        if (!problems.isEmpty()) {
            throw new InvalidScoringException(problems);
        }
        Instant now = clock.instant();
        Instant observedAt = command.observedAt() == null ? now : command.observedAt();
        String formId = FormRotation.next(spec.formIds(), seenForms(), command.studentId());
        int number = attempts.size() + 1;
        String attemptId = AttemptIds.attemptId(command.seriesId(), number);
        apply(new AttemptStarted(command.seriesId(), attemptId, command.studentId(), spec.assessmentId(), number, formId,
                command.observerId(), observedAt, command.requestKey()));
        Attempt attempt = attempt(attemptId);
        apply(new AttemptSubmitted(seriesId, attemptId, studentId, assessmentId, number, formId, command.observerId(), observedAt,
                false, 0, 0));
        score(attempt, spec, List.of(), RubricScoring.criterionScores(spec, command.criterionLevels()), command.observerId(), now);
        return snapshot(attempt, false);
    }

    // ---------------------------------------------------------------- rules

    private void score(Attempt attempt, AssessmentSpec spec, List<ItemResult> itemResults, List<CriterionScore> criterionScores,
                       String scorerId, Instant now) {
        int round = 1;
        Map<String, Double> levels = spec.scoring() == ScoringKind.RUBRIC
                ? RubricScoring.levels(spec, criterionScores) : AnswerKeyScoring.levels(spec, itemResults);
        List<CompetencyResult> scores = results(spec, attempt.attemptId, round, levels);
        boolean passed = scores.stream().allMatch(CompetencyResult::meetsCut);
        Instant lockedUntil = spec.summative() && !passed ? coolDownEnd(spec, now) : null;
        apply(new AttemptScored(seriesId, attempt.attemptId, studentId, assessmentId, spec.type(), spec.method(),
                spec.scoring(), round, scores, itemResults, criterionScores, scorerId, attempt.submittedAt, now, passed,
                lockedUntil, spec.retakePolicy().practiceUnlocks()));
        for (CompetencyResult score : scores) {
            // observedAt is when the work was done: a late-graded attempt keeps its place among the evidence
            apply(new EvidenceRecorded(score.evidenceId(), studentId, score.competencyId(), score.score(), spec.method(),
                    spec.type(), assessmentId, attempt.attemptId, null, scorerId, attempt.submittedAt, now, null));
        }
    }

    private static List<CompetencyResult> results(AssessmentSpec spec, String attemptId, int round, Map<String, Double> levels) {
        List<CompetencyResult> scores = new ArrayList<>();
        for (AlignedCompetency competency : spec.competencies()) {
            scores.add(new CompetencyResult(competency.competencyId(), levels.get(competency.competencyId()),
                    competency.scale().cut(), EvidenceIds.forAttempt(attemptId, round, competency.competencyId())));
        }
        return scores;
    }

    private static Instant coolDownEnd(AssessmentSpec spec, Instant scoredAt) {
        return scoredAt.plus(Duration.ofHours(spec.retakePolicy().coolDownHours()));
    }

    /** The latest scored attempt, when it is a failed summative one (voided attempts do not count). */
    private Optional<Attempt> activeFailure() {
        Attempt latest = null;
        for (Attempt attempt : attempts) {
            if (attempt.status == AttemptStatus.SCORED) {
                latest = attempt;
            }
        }
        return latest != null && latest.retakeLockedUntil != null ? Optional.of(latest) : Optional.empty();
    }

    private List<String> seenForms() {
        return attempts.stream().map(a -> a.formId).toList();
    }

    private Optional<Attempt> byRequestKey(String requestKey) {
        if (requestKey == null) {
            return Optional.empty();
        }
        String attemptId = attemptsByRequestKey.get(requestKey);
        return attemptId == null ? Optional.empty() : Optional.of(attempt(attemptId));
    }

    private void requireSeries(String commandSeriesId, String commandStudentId, AssessmentSpec spec) {
        if (!AttemptIds.seriesId(commandStudentId, spec.assessmentId()).equals(commandSeriesId)) {
            throw new IllegalArgumentException("series " + commandSeriesId + " is not the series of this student and assessment");
        }
    }

    private Attempt attempt(String attemptId) {
        for (Attempt attempt : attempts) {
            if (attempt.attemptId.equals(attemptId)) {
                return attempt;
            }
        }
        throw new NoSuchAttemptException(attemptId);
    }

    private static Form form(AssessmentSpec spec, Attempt attempt) {
        return spec.form(attempt.formId)
                .orElseThrow(() -> new IllegalStateException("assessment " + spec.assessmentId() + " has no form " + attempt.formId));
    }

    private static AttemptConflictException voided(Attempt attempt) {
        return new AttemptConflictException(AttemptConflictException.Reason.VOIDED, attempt.attemptId,
                "Attempt " + attempt.attemptId + " was voided");
    }

    private AttemptSnapshot snapshot(Attempt attempt, boolean replayed) {
        boolean scored = attempt.round > 0;
        return new AttemptSnapshot(attempt.attemptId, studentId, assessmentId, attempt.number, attempt.formId, attempt.status,
                attempt.round, attempt.startedAt, attempt.submittedAt, attempt.scoredAt, List.copyOf(attempt.scores),
                scored ? attempt.passed : null, attempt.retakeLockedUntil, replayed);
    }

    // ---------------------------------------------------------------- state

    @EventSourcingHandler
    void on(AttemptStarted event) {
        seriesId = event.seriesId();
        studentId = event.studentId();
        assessmentId = event.assessmentId();
        Attempt attempt = new Attempt(event.attemptId(), event.attemptNumber(), event.formId(), event.startedAt());
        attempts.add(attempt);
        if (event.requestKey() != null) {
            attemptsByRequestKey.put(event.requestKey(), event.attemptId());
        }
    }

    @EventSourcingHandler
    void on(AttemptSubmitted event) {
        Attempt attempt = attempt(event.attemptId());
        attempt.status = AttemptStatus.SUBMITTED;
        attempt.submittedAt = event.submittedAt();
    }

    @EventSourcingHandler
    void on(AttemptScored event) {
        Attempt attempt = attempt(event.attemptId());
        attempt.status = AttemptStatus.SCORED;
        attempt.apply(event.round(), event.scores(), event.itemResults(), event.scoredAt(), event.passed(),
                event.retakeLockedUntil(), event.practiceUnlocks());
    }

    @EventSourcingHandler
    void on(AttemptRescored event) {
        Attempt attempt = attempt(event.attemptId());
        attempt.apply(event.round(), event.scores(), event.itemResults(), event.rescoredAt(), event.passed(),
                event.retakeLockedUntil(), event.practiceUnlocks());
    }

    @EventSourcingHandler
    void on(AttemptVoided event) {
        attempt(event.attemptId()).status = AttemptStatus.VOIDED;
    }

    @EventSourcingHandler
    void on(RetakePracticeCompleted event) {
        attempt(event.failedAttemptId()).practised.add(event.competencyId());
    }

    /** One attempt's state within the series. */
    private static final class Attempt {
        private final String attemptId;
        private final int number;
        private final String formId;
        private final Instant startedAt;
        private AttemptStatus status = AttemptStatus.STARTED;
        private Instant submittedAt;
        private Instant scoredAt;
        private int round;
        private List<CompetencyResult> scores = List.of();
        private List<ItemResult> itemResults = List.of();
        private boolean passed;
        private Instant retakeLockedUntil;
        private boolean practiceUnlocks;
        private final Set<String> practised = new LinkedHashSet<>();

        private Attempt(String attemptId, int number, String formId, Instant startedAt) {
            this.attemptId = attemptId;
            this.number = number;
            this.formId = formId;
            this.startedAt = startedAt;
        }

        private void apply(int round, List<CompetencyResult> scores, List<ItemResult> itemResults, Instant scoredAt,
                           boolean passed, Instant retakeLockedUntil, boolean practiceUnlocks) {
            this.round = round;
            this.scores = scores == null ? List.of() : List.copyOf(scores);
            this.itemResults = itemResults == null ? List.of() : List.copyOf(itemResults);
            this.scoredAt = scoredAt;
            this.passed = passed;
            this.retakeLockedUntil = retakeLockedUntil;
            this.practiceUnlocks = practiceUnlocks;
        }

        private List<String> practiceStillRequired() {
            List<String> required = new ArrayList<>();
            for (CompetencyResult score : scores) {
                if (!score.meetsCut() && !practised.contains(score.competencyId())) {
                    required.add(score.competencyId());
                }
            }
            return required;
        }

        /** Whether this failed attempt still stops a retake at {@code now}. */
        private boolean locksAt(Instant now) {
            if (retakeLockedUntil == null || !now.isBefore(retakeLockedUntil)) {
                return false;
            }
            return !(practiceUnlocks && practiceStillRequired().isEmpty());
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Attempt that)) {
                return false;
            }
            return number == that.number && round == that.round && passed == that.passed
                    && practiceUnlocks == that.practiceUnlocks && attemptId.equals(that.attemptId)
                    && formId.equals(that.formId) && Objects.equals(startedAt, that.startedAt) && status == that.status
                    && Objects.equals(submittedAt, that.submittedAt) && Objects.equals(scoredAt, that.scoredAt)
                    && scores.equals(that.scores) && itemResults.equals(that.itemResults)
                    && Objects.equals(retakeLockedUntil, that.retakeLockedUntil) && practised.equals(that.practised);
        }

        @Override
        public int hashCode() {
            return Objects.hash(attemptId, number, status, round);
        }

        private Map<String, String> evidenceByCompetency() {
            Map<String, String> evidence = new HashMap<>();
            for (CompetencyResult score : scores) {
                evidence.put(score.competencyId(), score.evidenceId());
            }
            return evidence;
        }
    }
}

package org.mastery.progression.journey.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.mastery.progression.journey.domain.mastery.InterventionRule;

/**
 * A student's learning journey: the evidence received and every decision made on it, as events.
 *
 * <p>Commands carry the curriculum facts they need ({@link CompetencyContext}), so the journey is a
 * deterministic function of its commands, and every decision a deterministic function of the journey's
 * own events (evidence in observation order and the adopted policy version). Event-sourcing handlers
 * only apply facts; decisions are derived in command handlers by {@link JourneyModel#evaluate}. Every
 * event is chained to the one before it by a hash ({@link JourneyChain}).
 */
@Aggregate(snapshotTriggerDefinition = "journeySnapshotTrigger")
@Revision("2")
public class StudentJourney {

    public static final String VOIDED = "VOIDED";
    public static final String RESCORED = "RESCORED";
    public static final String PRACTICE_COMPLETED = "PRACTICE_COMPLETED";
    public static final String INTERVENTION_RESOLVED = "INTERVENTION_RESOLVED";

    @AggregateIdentifier
    private String studentId;
    private JourneyModel model = new JourneyModel();
    /** The chain head a snapshot was taken at (see {@link #chainHead()}). */
    private ChainHead head;

    protected StudentJourney() {
        // for Axon
    }

    // ---- commands ----

    /** Answers whether the evidence was accepted (false for a duplicate or withdrawn evidence id). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordEvidence command, JourneyChain chain) {
        requireText(command.studentId(), "studentId");
        requireText(command.evidenceId(), "evidenceId");
        requirePresent(command.context(), "context");
        requireText(command.method(), "method");
        requireText(command.assessmentType(), "assessmentType");
        requirePresent(command.observedAt(), "observedAt");
        if (Double.isNaN(command.score()) || Double.isInfinite(command.score())) {
            throw new InvalidJourneyCommandException("score must be a number");
        }
        String competencyId = command.context().competencyId();
        if (model.hasSeen(competencyId, command.evidenceId())) {
            return false;
        }
        Emitter emit = new Emitter(command.studentId(), chain);
        if (command.supersedes() != null && !command.supersedes().equals(command.evidenceId())) {
            String oldCompetency = model.competencyOfActiveEvidence(command.supersedes());
            if (oldCompetency != null && !oldCompetency.equals(competencyId)) {
                CompetencyPolicy oldPolicy = model.track(oldCompetency).policy();
                Evaluation before = model.evaluate(oldCompetency, oldPolicy);
                emit.event(new EvidenceWithdrawn(command.studentId(), command.supersedes(), oldCompetency, RESCORED));
                afterChange(emit, CompetencyContext.of(oldPolicy), before, null);
            }
        }
        Evaluation before = model.evaluate(competencyId, command.context().policy());
        adopt(emit, command.context());
        if (command.supersedes() != null && model.track(competencyId) != null
                && model.track(competencyId).evidence().contains(command.supersedes())) {
            emit.event(new EvidenceWithdrawn(command.studentId(), command.supersedes(), competencyId, RESCORED));
        }
        emit.event(new EvidenceAccepted(command.studentId(), command.evidenceId(), competencyId, command.score(),
                command.method(), command.assessmentType(), command.assessmentId(), command.observedAt()));
        Evidence evidence = new Evidence(command.evidenceId(), command.score(), command.method(),
                command.assessmentType(), command.observedAt());
        afterChange(emit, command.context(), before, new Accepted(evidence, command.assessmentId()));
        return true;
    }

    /** Answers whether the evidence was withdrawn (false when it was not counting). */
    @CommandHandler
    public boolean handle(WithdrawEvidence command, JourneyChain chain) {
        requireText(command.evidenceId(), "evidenceId");
        String competencyId = command.context().competencyId();
        CompetencyContext context = command.context();
        if (model.track(competencyId) == null || !model.track(competencyId).evidence().contains(command.evidenceId())) {
            String actual = model.competencyOfActiveEvidence(command.evidenceId());
            if (actual == null) {
                return false;
            }
            competencyId = actual;
            context = CompetencyContext.of(model.track(actual).policy());
        }
        Emitter emit = new Emitter(command.studentId(), chain);
        Evaluation before = model.evaluate(competencyId, context.policy());
        adopt(emit, context);
        String reason = command.reasonCode() == null ? VOIDED : command.reasonCode();
        emit.event(new EvidenceWithdrawn(command.studentId(), command.evidenceId(), competencyId, reason));
        afterChange(emit, context, before, null);
        return true;
    }

    /** A competency's definition changed: adopt its newer policy going forward, catch up unlocks and credits. */
    @CommandHandler
    public void handle(ReevaluateCompetency command, JourneyChain chain) {
        Emitter emit = new Emitter(command.studentId(), chain);
        CompetencyContext context = command.context();
        String competencyId = context.competencyId();
        if (model.track(competencyId) != null) {
            Evaluation before = model.evaluate(competencyId, context.policy());
            adopt(emit, context);
            afterChange(emit, context, before, null);
        }
        if (!model.isUnlocked(competencyId) && !context.prerequisiteIds().isEmpty()
                && allMastered(context.prerequisiteIds())) {
            emit.event(new CompetencyUnlocked(command.studentId(), competencyId, sorted(context.prerequisiteIds())));
        }
        if (model.effectiveState(competencyId) == MasteryState.MASTERED) {
            onMastered(emit, context);
        }
    }

    @CommandHandler
    public void handle(EvaluateCourseCredit command, JourneyChain chain) {
        creditIfEarned(new Emitter(command.studentId(), chain), command.course());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(OverrideMastery command, JourneyChain chain) {
        requireText(command.overrideId(), "overrideId");
        requireText(command.teacherId(), "teacherId");
        requireText(command.reasonCode(), "reasonCode");
        if (command.state() == null || command.state() == MasteryState.NOT_STARTED) {
            throw new InvalidJourneyCommandException("an override sets INSUFFICIENT_EVIDENCE, IN_PROGRESS, MASTERED or NEEDS_REVIEW");
        }
        Emitter emit = new Emitter(command.studentId(), chain);
        String competencyId = command.context().competencyId();
        Evaluation before = model.evaluate(competencyId, command.context().policy());
        adopt(emit, command.context());
        emit.event(new TeacherOverrideApplied(command.overrideId(), command.studentId(), competencyId,
                command.teacherId(), command.state(), command.reasonCode(), command.expiresAt()));
        afterChange(emit, command.context(), before, null);
    }

    /** Answers whether the override expired now (false when it is no longer in force or not yet due). */
    @CommandHandler
    public boolean handle(ExpireOverride command, JourneyChain chain) {
        CompetencyContext context = command.context();
        String competencyId = context.competencyId();
        CompetencyTrack track = model.track(competencyId);
        if (track == null || track.override() == null || !track.override().overrideId().equals(command.overrideId())
                || track.override().expiresAt() == null || track.override().expiresAt().isAfter(command.at())) {
            return false;
        }
        Emitter emit = new Emitter(command.studentId(), chain);
        Evaluation before = model.evaluate(competencyId, context.policy());
        adopt(emit, context);
        emit.event(new TeacherOverrideExpired(command.overrideId(), command.studentId(), competencyId));
        afterChange(emit, context, before, null);
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetGoal command, JourneyChain chain) {
        requireText(command.goalId(), "goalId");
        requireText(command.competencyId(), "competencyId");
        requirePresent(command.targetDate(), "targetDate");
        if (model.goals().containsKey(command.goalId())) {
            return;
        }
        Emitter emit = new Emitter(command.studentId(), chain);
        emit.event(new GoalSet(command.goalId(), command.studentId(), command.competencyId(), command.targetDate()));
        if (model.effectiveState(command.competencyId()) == MasteryState.MASTERED) {
            emit.event(new GoalAchieved(command.goalId(), command.studentId(), command.competencyId()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordReflection command, JourneyChain chain) {
        requireText(command.reflectionId(), "reflectionId");
        new Emitter(command.studentId(), chain)
                .event(new ReflectionRecorded(command.reflectionId(), command.studentId(), command.competencyId()));
    }

    /** Answers whether the choice changed anything. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ChoosePeerTutoring command, JourneyChain chain) {
        boolean fresh = chainHead() == null;
        if (!fresh && model.peerTutor() == command.optedIn()) {
            return false;
        }
        Emitter emit = new Emitter(command.studentId(), chain);
        emit.event(command.optedIn() ? new PeerTutoringOptedIn(command.studentId()) : new PeerTutoringOptedOut(command.studentId()));
        return true;
    }

    // ---- decisions ----

    private record Accepted(Evidence evidence, String assessmentId) {
    }

    private void adopt(Emitter emit, CompetencyContext context) {
        String competencyId = context.competencyId();
        CompetencyTrack track = model.track(competencyId);
        if (track == null || context.policy().supersedes(track.policy())) {
            emit.event(new PolicyAdopted(emit.studentId, competencyId, context.policy()));
        }
    }

    private void afterChange(Emitter emit, CompetencyContext context, Evaluation before, Accepted accepted) {
        String competencyId = context.competencyId();
        CompetencyTrack track = model.track(competencyId);
        Evaluation after = model.evaluate(competencyId, context.policy());
        if (after.differsFrom(before)) {
            emit.event(new MasteryLevelChanged(emit.studentId, competencyId, after.state(), after.phaseId(), after.value(),
                    after.level(), after.evidenceCount(), after.explanation()));
        }
        if (after.state() == MasteryState.MASTERED && before.state() != MasteryState.MASTERED) {
            emit.event(new CompetencyMastered(emit.studentId, competencyId, after.value(), after.explanation()));
            onMastered(emit, context);
        }
        if (before.state() == MasteryState.MASTERED && after.state() == MasteryState.NEEDS_REVIEW
                && after.explanation().overrideId() == null && after.lapsedBy() != null) {
            emit.event(new MasteryLapsed(emit.studentId, competencyId, after.lapsedBy(), after.explanation()));
        }
        if (accepted == null) {
            return;
        }
        Evidence evidence = accepted.evidence();
        double cut = track.policy().cut();
        if (track.intervention() != null) {
            if (evidence.score() >= cut && !evidence.observedAt().isBefore(track.intervention().triggeredAt())) {
                emit.event(new InterventionResolved(track.intervention().interventionId(), emit.studentId, competencyId,
                        evidence.evidenceId()));
                for (String assessmentId : new ArrayList<>(track.pendingRetakes().keySet())) {
                    emit.event(new ReassessmentUnlocked(emit.studentId, assessmentId, competencyId, INTERVENTION_RESOLVED));
                }
            }
        } else {
            List<Evidence> ordered = track.evidence().toList();
            Optional<InterventionRule.Trigger> trigger = InterventionRule.trigger(ordered, cut, after.state());
            if (trigger.isPresent() && trigger.get().evidenceIds().contains(evidence.evidenceId())) {
                List<String> ids = trigger.get().evidenceIds();
                Instant triggeredAt = ordered.get(ordered.size() - 1).observedAt();
                emit.event(new InterventionRecommended("iv-" + competencyId + "-" + (chainHead().sequence() + 1),
                        emit.studentId, competencyId, trigger.get().reason(), ids, triggeredAt));
            }
        }
        if (Evidence.FORMATIVE.equals(evidence.assessmentType())) {
            for (Map.Entry<String, Instant> pending : new ArrayList<>(track.pendingRetakes().entrySet())) {
                if (evidence.observedAt().isAfter(pending.getValue())) {
                    emit.event(new ReassessmentUnlocked(emit.studentId, pending.getKey(), competencyId, PRACTICE_COMPLETED));
                }
            }
        }
    }

    private void onMastered(Emitter emit, CompetencyContext context) {
        for (String goalId : model.openGoalsOn(context.competencyId())) {
            emit.event(new GoalAchieved(goalId, emit.studentId, context.competencyId()));
        }
        for (Dependent dependent : context.dependents()) {
            if (!model.isUnlocked(dependent.competencyId()) && !dependent.prerequisiteIds().isEmpty()
                    && allMastered(dependent.prerequisiteIds())) {
                emit.event(new CompetencyUnlocked(emit.studentId, dependent.competencyId(), sorted(dependent.prerequisiteIds())));
            }
        }
        for (CourseRequirement course : context.courses()) {
            creditIfEarned(emit, course);
        }
    }

    private void creditIfEarned(Emitter emit, CourseRequirement course) {
        if (!model.isCredited(course.courseId()) && !course.competencyIds().isEmpty() && allMastered(course.competencyIds())) {
            emit.event(new CourseCreditEarned(emit.studentId, course.courseId(), course.version(), course.credits(),
                    sorted(course.competencyIds())));
        }
    }

    private boolean allMastered(List<String> competencyIds) {
        for (String id : competencyIds) {
            if (model.effectiveState(id) != MasteryState.MASTERED) {
                return false;
            }
        }
        return true;
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().distinct().toList();
    }

    private static void requirePresent(Object value, String name) {
        if (value == null) {
            throw new InvalidJourneyCommandException(name + " is required");
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidJourneyCommandException(name + " is required");
        }
    }

    /** Applies events chained to the journey's last hash. */
    private final class Emitter {
        private final String studentId;
        private final JourneyChain chain;

        Emitter(String studentId, JourneyChain chain) {
            this.studentId = studentId;
            this.chain = chain;
        }

        void event(Object event) {
            ChainHead at = chainHead();
            long sequence = at == null ? 0 : at.sequence() + 1;
            String previous = at == null ? JourneyChain.GENESIS : at.hash();
            String hash = chain.hash(previous, event, sequence);
            apply(event, MetaData.with(JourneyChain.PREVIOUS_HASH, previous).and(JourneyChain.HASH, hash));
        }
    }

    // ---- state ----

    /**
     * The last event applied, kept so that its hash is read only when it is needed (by the next command
     * or a snapshot): reading every event's metadata while sourcing a long journey would cost more than
     * applying the events.
     */
    private transient DomainEventMessage<?> lastApplied;

    @EventSourcingHandler
    void on(JourneyFact fact, DomainEventMessage<?> message) {
        if (studentId == null) {
            studentId = fact.studentId();
        }
        model.apply(fact);
        lastApplied = message;
    }

    /** Decisions change no state (they are re-derived); their payload is never read, only the chain moves on. */
    @EventSourcingHandler(payloadType = JourneyDecision.class)
    void onDecision(DomainEventMessage<?> message) {
        lastApplied = message;
    }

    /** Where the chain stands: the last event applied, or the snapshot's head when none was applied since. */
    public ChainHead chainHead() {
        if (lastApplied != null) {
            return new ChainHead(lastApplied.getSequenceNumber(), (String) lastApplied.getMetaData().get(JourneyChain.HASH));
        }
        return head;
    }

    /** The journey's state (for audits and tests). */
    public JourneyModel model() {
        return model;
    }
}

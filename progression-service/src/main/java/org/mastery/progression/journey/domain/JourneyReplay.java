package org.mastery.progression.journey.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mastery.progression.journey.domain.mastery.InterventionRule;

/**
 * Re-derives every decision recorded in a journey from the facts recorded before it (evidence in
 * observation order and the policy versions adopted), the way an auditor would: level changes,
 * mastery and lapses must equal the evaluation at their point in the stream exactly (state, value,
 * phase, level, evidence count and the whole explanation); unlocks, credits, achieved goals,
 * interventions and retake unlocks must hold at their point; and a command whose facts changed a
 * competency's evaluation must have recorded a decision for it.
 */
public final class JourneyReplay {

    public static final String DECISION_MISMATCH = "DECISION_MISMATCH";

    /** One stored event: its sequence, id, payload and the id of the command that caused it. */
    public record Recorded(long sequence, String eventId, Object payload, String commandId) {
    }

    public record Mismatch(long sequence, String eventId, String kind, String detail) {
    }

    public record Result(int eventsChecked, int decisionsChecked, List<Mismatch> mismatches, JourneyModel model) {
    }

    private final JourneyModel model = new JourneyModel();
    private final Map<String, Evaluation> lastDecided = new HashMap<>();
    private final Set<String> touched = new LinkedHashSet<>();
    private final List<Mismatch> mismatches = new ArrayList<>();
    private int decisions;
    private int events;
    private String currentCommand;
    private Recorded lastOfCommand;
    private boolean lastWasInput;

    public static Result check(List<Recorded> stream) {
        JourneyReplay replay = new JourneyReplay();
        for (Recorded recorded : stream) {
            replay.next(recorded);
        }
        replay.closeCommand();
        return new Result(replay.events, replay.decisions, List.copyOf(replay.mismatches), replay.model);
    }

    private void next(Recorded recorded) {
        events++;
        Object payload = recorded.payload();
        boolean input = payload instanceof JourneyFact fact && isInput(fact);
        // a command's events are its facts, then its decisions: without the command's id (an event stored
        // without correlation metadata) a new command is recognised by a fact following a decision
        boolean newCommand = recorded.commandId() != null && currentCommand != null
                ? !recorded.commandId().equals(currentCommand)
                : lastOfCommand == null || (input && !lastWasInput);
        if (newCommand) {
            closeCommand();
        }
        currentCommand = recorded.commandId();
        lastOfCommand = recorded;
        lastWasInput = input;
        if (payload instanceof MasteryLevelChanged d) {
            decisions++;
            Evaluation expected = evaluate(d.competencyId());
            if (expected == null || expected.state() != d.state() || !Objects.equals(expected.value(), d.value())
                    || !Objects.equals(expected.phaseId(), d.phaseId()) || !Objects.equals(expected.level(), d.level())
                    || expected.evidenceCount() != d.evidenceCount() || !expected.explanation().equals(d.explanation())) {
                mismatch(recorded, "MasteryLevelChanged on " + d.competencyId() + " records " + d.state() + " " + d.value()
                        + " but the evidence and policy give " + describe(expected));
            }
            lastDecided.put(d.competencyId(), expected);
            touched.remove(d.competencyId());
        } else if (payload instanceof CompetencyMastered d) {
            decisions++;
            Evaluation expected = evaluate(d.competencyId());
            if (expected == null || expected.state() != MasteryState.MASTERED || !Objects.equals(expected.value(), d.value())
                    || !expected.explanation().equals(d.explanation())) {
                mismatch(recorded, "CompetencyMastered on " + d.competencyId() + " but the evidence and policy give "
                        + describe(expected));
            }
        } else if (payload instanceof MasteryLapsed d) {
            decisions++;
            Evaluation expected = evaluate(d.competencyId());
            if (expected == null || expected.state() != MasteryState.NEEDS_REVIEW
                    || !Objects.equals(expected.lapsedBy(), d.evidenceId()) || !expected.explanation().equals(d.explanation())) {
                mismatch(recorded, "MasteryLapsed on " + d.competencyId() + " by " + d.evidenceId()
                        + " but the evidence and policy give " + describe(expected));
            }
        } else if (payload instanceof JourneyFact fact) {
            checkDecisionFact(recorded, fact);
            if (isInput(fact)) {
                touched.add(competencyOf(fact));
            }
            model.apply(fact);
        }
    }

    private void checkDecisionFact(Recorded recorded, JourneyFact fact) {
        if (fact instanceof CompetencyUnlocked e) {
            decisions++;
            for (String prerequisite : e.prerequisiteIds()) {
                if (model.effectiveState(prerequisite) != MasteryState.MASTERED) {
                    mismatch(recorded, "CompetencyUnlocked " + e.competencyId() + " but prerequisite " + prerequisite
                            + " is " + model.effectiveState(prerequisite));
                }
            }
        } else if (fact instanceof CourseCreditEarned e) {
            decisions++;
            for (String competency : e.competencyIds()) {
                if (model.effectiveState(competency) != MasteryState.MASTERED) {
                    mismatch(recorded, "CourseCreditEarned " + e.courseId() + " but " + competency + " is "
                            + model.effectiveState(competency));
                }
            }
        } else if (fact instanceof GoalAchieved e) {
            decisions++;
            if (model.effectiveState(e.competencyId()) != MasteryState.MASTERED || !model.goals().containsKey(e.goalId())) {
                mismatch(recorded, "GoalAchieved " + e.goalId() + " but " + e.competencyId() + " is "
                        + model.effectiveState(e.competencyId()));
            }
        } else if (fact instanceof InterventionRecommended e) {
            decisions++;
            CompetencyTrack track = model.track(e.competencyId());
            Optional<InterventionRule.Trigger> trigger = track == null ? Optional.empty()
                    : InterventionRule.trigger(track.evidence().toList(), track.policy().cut(), model.effectiveState(e.competencyId()));
            if (trigger.isEmpty() || !trigger.get().reason().equals(e.reason()) || !trigger.get().evidenceIds().equals(e.evidenceIds())) {
                mismatch(recorded, "InterventionRecommended " + e.reason() + " " + e.evidenceIds()
                        + " but the rule gives " + trigger.map(t -> t.reason() + " " + t.evidenceIds()).orElse("none"));
            }
        } else if (fact instanceof InterventionResolved e) {
            decisions++;
            CompetencyTrack track = model.track(e.competencyId());
            int at = track == null ? -1 : track.evidence().indexOf(e.evidenceId());
            if (at < 0 || track.intervention() == null || track.evidence().get(at).score() < track.policy().cut()) {
                mismatch(recorded, "InterventionResolved by " + e.evidenceId() + " which does not reach the cut");
            }
        } else if (fact instanceof ReassessmentUnlocked e) {
            decisions++;
            CompetencyTrack track = model.track(e.competencyId());
            if (track == null || !track.pendingRetakes().containsKey(e.assessmentId())) {
                mismatch(recorded, "ReassessmentUnlocked " + e.assessmentId() + " with no failed summative pending");
            }
        }
    }

    /** At the end of a command: every competency whose facts changed its evaluation must have a decision. */
    private void closeCommand() {
        for (String competencyId : touched) {
            Evaluation now = evaluate(competencyId);
            Evaluation last = lastDecided.get(competencyId);
            boolean needed = last == null ? now != null && (now.evidenceCount() > 0 || now.explanation().overrideId() != null)
                    : now != null && now.differsFrom(last);
            if (needed) {
                mismatch(lastOfCommand, "no decision recorded for " + competencyId + " although its evaluation became "
                        + describe(now));
                lastDecided.put(competencyId, now);
            }
        }
        touched.clear();
    }

    private Evaluation evaluate(String competencyId) {
        CompetencyTrack track = model.track(competencyId);
        if (track == null || track.policy() == null) {
            return null;
        }
        return model.evaluate(competencyId, track.policy());
    }

    private static boolean isInput(JourneyFact fact) {
        return fact instanceof PolicyAdopted || fact instanceof EvidenceAccepted || fact instanceof EvidenceWithdrawn
                || fact instanceof TeacherOverrideApplied || fact instanceof TeacherOverrideExpired;
    }

    private static String competencyOf(JourneyFact fact) {
        if (fact instanceof PolicyAdopted e) {
            return e.competencyId();
        } else if (fact instanceof EvidenceAccepted e) {
            return e.competencyId();
        } else if (fact instanceof EvidenceWithdrawn e) {
            return e.competencyId();
        } else if (fact instanceof TeacherOverrideApplied e) {
            return e.competencyId();
        } else if (fact instanceof TeacherOverrideExpired e) {
            return e.competencyId();
        }
        throw new IllegalArgumentException(fact.getClass().getName());
    }

    private static String describe(Evaluation e) {
        return e == null ? "no evaluation (no policy adopted)"
                : e.state() + " " + e.value() + " (phase " + e.phaseId() + ", " + e.evidenceCount() + " evidence, policy v"
                + e.explanation().policyVersion() + ")";
    }

    private void mismatch(Recorded recorded, String detail) {
        mismatches.add(new Mismatch(recorded == null ? -1 : recorded.sequence(), recorded == null ? null : recorded.eventId(),
                DECISION_MISMATCH, detail));
    }
}

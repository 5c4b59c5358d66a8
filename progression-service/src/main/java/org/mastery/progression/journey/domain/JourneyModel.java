package org.mastery.progression.journey.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mastery.progression.journey.domain.mastery.MasteryEvaluator;

/**
 * A student's journey as state: applying its facts in order rebuilds it, and evaluating a competency
 * re-derives the decision in force from that competency's evidence and policy. Used by the aggregate
 * and, for audits, to replay a stored journey outside of it.
 */
public final class JourneyModel {

    /** A goal and whether it was achieved. */
    public record Goal(String competencyId, LocalDate targetDate, boolean achieved) {
    }

    private String studentId;
    private final TreeMap<String, CompetencyTrack> tracks = new TreeMap<>();
    private final TreeSet<String> unlocked = new TreeSet<>();
    private final TreeSet<String> credited = new TreeSet<>();
    private final TreeMap<String, Goal> goals = new TreeMap<>();
    private boolean peerTutor;

    public String studentId() {
        return studentId;
    }

    public CompetencyTrack track(String competencyId) {
        return tracks.get(competencyId);
    }

    public Map<String, CompetencyTrack> tracks() {
        return java.util.Collections.unmodifiableMap(tracks);
    }

    public boolean hasSeen(String competencyId, String evidenceId) {
        CompetencyTrack track = tracks.get(competencyId);
        return track != null && track.hasSeen(evidenceId);
    }

    /** The competency whose active evidence has this id, if any. */
    public String competencyOfActiveEvidence(String evidenceId) {
        for (Map.Entry<String, CompetencyTrack> t : tracks.entrySet()) {
            if (t.getValue().evidence().contains(evidenceId)) {
                return t.getKey();
            }
        }
        return null;
    }

    public boolean isUnlocked(String competencyId) {
        return unlocked.contains(competencyId);
    }

    public TreeSet<String> unlocked() {
        return unlocked;
    }

    public boolean isCredited(String courseId) {
        return credited.contains(courseId);
    }

    public Map<String, Goal> goals() {
        return java.util.Collections.unmodifiableMap(goals);
    }

    public List<String> openGoalsOn(String competencyId) {
        List<String> open = new ArrayList<>();
        goals.forEach((id, goal) -> {
            if (goal.competencyId().equals(competencyId) && !goal.achieved()) {
                open.add(id);
            }
        });
        return open;
    }

    public boolean peerTutor() {
        return peerTutor;
    }

    /** The decision in force on a competency, re-derived from its evidence, policy and override. */
    public Evaluation evaluate(String competencyId, CompetencyPolicy fallback) {
        CompetencyTrack track = tracks.get(competencyId);
        if (track == null || track.policy() == null) {
            return MasteryEvaluator.evaluate(fallback, List.of(), null);
        }
        return MasteryEvaluator.evaluate(track.policy(), track.evidence().toList(), track.override());
    }

    public MasteryState effectiveState(String competencyId) {
        CompetencyTrack track = tracks.get(competencyId);
        if (track == null || track.policy() == null) {
            return track != null && track.override() != null ? track.override().state() : MasteryState.NOT_STARTED;
        }
        return evaluate(competencyId, track.policy()).state();
    }

    private CompetencyTrack trackFor(String competencyId) {
        return tracks.computeIfAbsent(competencyId, c -> new CompetencyTrack());
    }

    /** Applies one fact; never decides anything. */
    public void apply(JourneyFact fact) {
        if (studentId == null) {
            studentId = fact.studentId();
        }
        if (fact instanceof PolicyAdopted e) {
            trackFor(e.competencyId()).policy(e.policy());
        } else if (fact instanceof EvidenceAccepted e) {
            CompetencyTrack track = trackFor(e.competencyId());
            track.evidence().insert(new Evidence(e.evidenceId(), e.score(), e.method(), e.assessmentType(), e.observedAt()));
            if (Evidence.SUMMATIVE.equals(e.assessmentType()) && e.assessmentId() != null && track.policy() != null) {
                if (e.score() < track.policy().cut()) {
                    track.pendingRetakes().put(e.assessmentId(), e.observedAt());
                } else {
                    track.pendingRetakes().remove(e.assessmentId());
                }
            }
        } else if (fact instanceof EvidenceWithdrawn e) {
            trackFor(e.competencyId()).withdraw(e.evidenceId());
        } else if (fact instanceof TeacherOverrideApplied e) {
            trackFor(e.competencyId()).override(new ActiveOverride(e.overrideId(), e.state(), e.teacherId(),
                    e.reasonCode(), e.expiresAt()));
        } else if (fact instanceof TeacherOverrideExpired e) {
            CompetencyTrack track = trackFor(e.competencyId());
            if (track.override() != null && track.override().overrideId().equals(e.overrideId())) {
                track.override(null);
            }
        } else if (fact instanceof InterventionRecommended e) {
            trackFor(e.competencyId()).intervention(new CompetencyTrack.OpenIntervention(e.interventionId(), e.triggeredAt()));
        } else if (fact instanceof InterventionResolved e) {
            trackFor(e.competencyId()).intervention(null);
        } else if (fact instanceof ReassessmentUnlocked e) {
            trackFor(e.competencyId()).pendingRetakes().remove(e.assessmentId());
        } else if (fact instanceof CompetencyUnlocked e) {
            unlocked.add(e.competencyId());
        } else if (fact instanceof CourseCreditEarned e) {
            credited.add(e.courseId());
        } else if (fact instanceof GoalSet e) {
            goals.put(e.goalId(), new Goal(e.competencyId(), e.targetDate(), false));
        } else if (fact instanceof GoalAchieved e) {
            Goal goal = goals.get(e.goalId());
            if (goal != null) {
                goals.put(e.goalId(), new Goal(goal.competencyId(), goal.targetDate(), true));
            }
        } else if (fact instanceof PeerTutoringOptedIn) {
            peerTutor = true;
        } else if (fact instanceof PeerTutoringOptedOut) {
            peerTutor = false;
        }
        // ReflectionRecorded changes nothing the rules use
    }
}

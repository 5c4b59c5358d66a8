package org.mastery.reporting.projection.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything reporting knows about one student, merged from every stream. Each part is keyed by the
 * id of the fact it records, and each update either sets a fact by its id or is guarded by the
 * position of the decision it comes from, so that applying the same events in any interleaving of
 * the streams (and any event twice) gives the same document.
 */
public class StudentProgress {

    public String studentId;
    public String schoolId;
    public String gradeLevel;
    /** The school whose roll holds this student's contribution. */
    public String contributedSchoolId;
    public TreeSet<String> classIds = new TreeSet<>();
    public TreeSet<String> guardianIds = new TreeSet<>();
    public TreeMap<String, EvidenceEntry> evidence = new TreeMap<>();
    public TreeMap<String, CompetencyProgress> competencies = new TreeMap<>();
    public TreeMap<String, GoalEntry> goals = new TreeMap<>();
    public TreeMap<String, ReflectionEntry> reflections = new TreeMap<>();
    public TreeMap<String, AttemptEntry> attempts = new TreeMap<>();
    public TreeMap<String, InterventionEntry> interventions = new TreeMap<>();
    public TreeMap<String, CreditEntry> credits = new TreeMap<>();
    public TreeMap<String, RetakeEntry> retakes = new TreeMap<>();
    public Tutoring tutoring;
    public Instant personalDataErasedAt;

    public StudentProgress() {
    }

    public StudentProgress(String studentId) {
        this.studentId = studentId;
    }

    public CompetencyProgress competency(String competencyId) {
        return competencies.computeIfAbsent(competencyId, id -> new CompetencyProgress());
    }

    /** Evidence that still counts: not voided, not superseded, not from a voided attempt, with a score. */
    public boolean counts(EvidenceEntry entry) {
        if (entry.voided || entry.score == null || entry.competencyId == null) {
            return false;
        }
        if (entry.attemptId != null) {
            AttemptEntry attempt = attempts.get(entry.attemptId);
            return attempt == null || !attempt.voided;
        }
        return true;
    }

    /** A piece of evidence, as told by assessment (recorded) and/or progression (accepted). */
    public static class EvidenceEntry {
        public String competencyId;
        public Double score;
        public String method;
        public String assessmentType;
        public String assessmentId;
        public String attemptId;
        public Instant observedAt;
        public Instant recordedAt;
        public boolean voided;
        public String voidReason;
        public String supersededBy;
        public TreeSet<String> sources = new TreeSet<>();
    }

    /** Where the student stands on one competency, as progression decided it. */
    public static class CompetencyProgress {
        public String state;
        public String phaseId;
        public Double value;
        public Integer decidedEvidenceCount;
        public Instant stateAt;
        /** Position of the last decision applied (progression's stream for this student is ordered). */
        public long decisionPosition = -1;
        public Instant masteredAt;
        public Double masteredValue;
        public Instant lapsedAt;
        public ExplanationSummary explanation;
        public TreeMap<String, DecisionPoint> history = new TreeMap<>();
        public OverrideEntry override;
        public boolean unlocked;
        public List<String> unlockedBy;
        public Instant unlockedAt;
    }

    /** Enough of a decision's explanation to show why. */
    public static class ExplanationSummary {
        public String method;
        public Integer policyVersion;
        public Integer competencyVersion;
        public Double cut;
        public Integer minEvidence;
        public List<String> missingMethods;
        public List<String> evidenceIds;
    }

    /** One decision in the competency's history: the mastery value over time. */
    public static class DecisionPoint {
        public Instant at;
        public String kind;
        public String state;
        public Double value;
    }

    public static class OverrideEntry {
        public String overrideId;
        public String teacherId;
        public String state;
        public String reasonCode;
        public Instant appliedAt;
        public Instant expiresAt;
    }

    public static class GoalEntry {
        public String competencyId;
        public LocalDate targetDate;
        public Instant setAt;
        public Instant achievedAt;
    }

    public static class ReflectionEntry {
        public String competencyId;
        public Instant recordedAt;
    }

    public static class AttemptEntry {
        public String assessmentId;
        public String assessmentType;
        public String method;
        public Integer attemptNumber;
        public Instant startedAt;
        public Instant submittedAt;
        public Instant scoredAt;
        public Boolean passed;
        public boolean voided;
    }

    public static class InterventionEntry {
        public String competencyId;
        public String reason;
        public List<String> evidenceIds;
        public Instant recommendedAt;
        public boolean resolved;
        public Instant resolvedAt;
    }

    public static class CreditEntry {
        public double credits;
        public List<String> competencyIds;
        public Instant earnedAt;
    }

    public static class RetakeEntry {
        public String competencyId;
        public String reason;
        public Instant unlockedAt;
    }

    /** The peer-tutoring choice; the later of two choices wins. */
    public static class Tutoring {
        public boolean optedIn;
        public Instant at;
        public long position;
    }
}

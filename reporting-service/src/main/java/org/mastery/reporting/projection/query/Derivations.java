package org.mastery.reporting.projection.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mastery.reporting.projection.query.StudentProgress.CompetencyProgress;
import org.mastery.reporting.projection.query.StudentProgress.EvidenceEntry;

/**
 * The documents derived from a student's progress: pure functions of {@link StudentProgress}, so a
 * derived document is the same whichever order the facts arrived in.
 */
public final class Derivations {

    public static final String NOT_STARTED = "NOT_STARTED";
    public static final String MASTERED = "MASTERED";

    private Derivations() {
    }

    /** The state shown: an active teacher override wins over the calculated state. */
    public static String effectiveState(CompetencyProgress progress) {
        if (progress == null) {
            return NOT_STARTED;
        }
        if (progress.override != null && progress.override.state != null) {
            return progress.override.state;
        }
        return progress.state == null ? NOT_STARTED : progress.state;
    }

    public static Instant effectiveMasteredAt(CompetencyProgress progress) {
        if (progress.override != null && MASTERED.equals(progress.override.state)) {
            return progress.override.appliedAt;
        }
        return progress.masteredAt;
    }

    /** Counting evidence for a competency, in observation order. */
    public static List<Map.Entry<String, EvidenceEntry>> evidenceFor(StudentProgress student, String competencyId) {
        List<Map.Entry<String, EvidenceEntry>> found = new ArrayList<>();
        for (Map.Entry<String, EvidenceEntry> entry : student.evidence.entrySet()) {
            if (competencyId.equals(entry.getValue().competencyId) && student.counts(entry.getValue())) {
                found.add(entry);
            }
        }
        found.sort(Comparator.comparing((Map.Entry<String, EvidenceEntry> e) -> e.getValue().observedAt,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Map.Entry::getKey));
        return found;
    }

    /** Every competency the student has any fact about. */
    public static TreeSet<String> competencyIds(StudentProgress student) {
        TreeSet<String> ids = new TreeSet<>(student.competencies.keySet());
        student.evidence.values().forEach(e -> {
            if (e.competencyId != null) {
                ids.add(e.competencyId);
            }
        });
        student.goals.values().forEach(g -> {
            if (g.competencyId != null) {
                ids.add(g.competencyId);
            }
        });
        student.interventions.values().forEach(i -> {
            if (i.competencyId != null) {
                ids.add(i.competencyId);
            }
        });
        return ids;
    }

    public static ClassRow row(StudentProgress student) {
        ClassRow row = new ClassRow();
        row.studentId = student.studentId;
        row.peerTutor = student.tutoring != null && student.tutoring.optedIn;
        for (String competencyId : competencyIds(student)) {
            CompetencyProgress progress = student.competencies.get(competencyId);
            List<Map.Entry<String, EvidenceEntry>> evidence = evidenceFor(student, competencyId);
            ClassRow.Cell cell = new ClassRow.Cell();
            cell.state = effectiveState(progress);
            cell.evidenceCount = evidence.size();
            cell.lastEvidenceAt = evidence.isEmpty() ? null : evidence.get(evidence.size() - 1).getValue().observedAt;
            if (progress != null) {
                cell.phaseId = progress.phaseId;
                cell.value = progress.value;
                cell.masteredAt = MASTERED.equals(cell.state) ? effectiveMasteredAt(progress) : null;
            }
            row.cells.put(competencyId, cell);
        }
        student.interventions.forEach((id, intervention) -> {
            if (!intervention.resolved && intervention.competencyId != null) {
                ClassRow.OpenIntervention open = new ClassRow.OpenIntervention();
                open.interventionId = id;
                open.reason = intervention.reason;
                open.since = intervention.recommendedAt;
                // the earliest open recommendation per competency represents it (ids break ties)
                row.interventions.merge(intervention.competencyId, open, (a, b) -> earlier(a, b));
            }
        });
        return row;
    }

    private static ClassRow.OpenIntervention earlier(ClassRow.OpenIntervention a, ClassRow.OpenIntervention b) {
        Comparator<ClassRow.OpenIntervention> order = Comparator.comparing((ClassRow.OpenIntervention o) -> o.since,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(o -> o.interventionId);
        return order.compare(a, b) <= 0 ? a : b;
    }

    public static RollContribution contribution(StudentProgress student) {
        RollContribution roll = new RollContribution();
        roll.gradeLevel = student.gradeLevel;
        for (String competencyId : competencyIds(student)) {
            CompetencyProgress progress = student.competencies.get(competencyId);
            List<Map.Entry<String, EvidenceEntry>> evidence = evidenceFor(student, competencyId);
            RollContribution.CompetencyFacts facts = new RollContribution.CompetencyFacts();
            facts.state = effectiveState(progress);
            facts.firstEvidenceAt = evidence.isEmpty() ? null : evidence.get(0).getValue().observedAt;
            if (progress != null && MASTERED.equals(facts.state)) {
                facts.masteredAt = effectiveMasteredAt(progress);
            }
            facts.openIntervention = student.interventions.values().stream()
                    .anyMatch(i -> !i.resolved && competencyId.equals(i.competencyId));
            roll.competencies.put(competencyId, facts);
            roll.firstEvidenceAt = min(roll.firstEvidenceAt, facts.firstEvidenceAt);
            roll.lastActivityAt = max(roll.lastActivityAt, evidence.isEmpty() ? null : evidence.get(evidence.size() - 1).getValue().observedAt);
            roll.lastActivityAt = max(roll.lastActivityAt, facts.masteredAt);
        }
        roll.openInterventions = (int) student.interventions.values().stream().filter(i -> !i.resolved).count();
        roll.creditsEarned = student.credits.values().stream().mapToDouble(c -> c.credits).sum();
        roll.coursesCompleted = student.credits.size();
        return roll;
    }

    public static TranscriptRecord transcript(StudentProgress student) {
        TranscriptRecord transcript = new TranscriptRecord();
        transcript.studentId = student.studentId;
        transcript.schoolId = student.schoolId;
        transcript.classIds.addAll(student.classIds);
        student.competencies.forEach((competencyId, progress) -> {
            if (!MASTERED.equals(effectiveState(progress))) {
                return;
            }
            TranscriptRecord.MasteredCompetency mastered = new TranscriptRecord.MasteredCompetency();
            mastered.masteredAt = effectiveMasteredAt(progress);
            mastered.value = progress.masteredValue != null ? progress.masteredValue : progress.value;
            mastered.overrideId = progress.override != null ? progress.override.overrideId : null;
            TranscriptRecord.EvidenceSummary summary = new TranscriptRecord.EvidenceSummary();
            for (Map.Entry<String, EvidenceEntry> entry : evidenceFor(student, competencyId)) {
                EvidenceEntry e = entry.getValue();
                summary.count++;
                add(summary.methods, e.method);
                add(summary.assessmentTypes, e.assessmentType);
                add(summary.assessmentIds, e.assessmentId);
                summary.firstObservedAt = min(summary.firstObservedAt, e.observedAt);
                summary.lastObservedAt = max(summary.lastObservedAt, e.observedAt);
                summary.highestScore = summary.highestScore == null ? e.score : Math.max(summary.highestScore, e.score);
            }
            mastered.evidence = summary;
            transcript.mastered.put(competencyId, mastered);
        });
        student.credits.forEach((courseId, credit) -> {
            TranscriptRecord.EarnedCredit earned = new TranscriptRecord.EarnedCredit();
            earned.credits = credit.credits;
            earned.competencyIds = credit.competencyIds;
            earned.earnedAt = credit.earnedAt;
            transcript.credits.put(courseId, earned);
        });
        return transcript;
    }

    private static void add(TreeSet<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}

package org.mastery.reporting.student.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.mastery.contracts.curriculum.LearningResource;
import org.mastery.reporting.projection.query.StudentProgress.ExplanationSummary;

/** The student's progress tracker, as served. */
public record TrackerView(String studentId, String name, String schoolId, String gradeLevel, List<String> classIds,
                          Summary summary, List<CompetencyView> competencies, List<GoalView> goals,
                          Reflections reflections, List<NextStep> nextSteps, List<RetakeView> retakes,
                          List<CreditView> credits, boolean peerTutor) {

    public record Summary(int competencies, int mastered, int inProgress, int needsReview, int insufficientEvidence,
                          int notStarted) {
    }

    public record CompetencyView(String competencyId, String code, String statement, String iCan, String masteryLooksLike,
                                 boolean definitionKnown, String state, String calculatedState, OverrideView override,
                                 PhaseView phase, Double value, LevelView level, Double masteryCut, int evidenceCount,
                                 Instant lastEvidenceAt, Instant masteredAt, boolean unlocked, List<String> prerequisiteIds,
                                 boolean openIntervention, List<ScorePoint> scores, List<ValuePoint> valueHistory,
                                 ExplanationSummary explanation) {
    }

    public record OverrideView(String overrideId, String state, String reasonCode, String teacherId, Instant appliedAt,
                               Instant expiresAt) {
    }

    public record PhaseView(String phaseId, Integer order, String label) {
    }

    public record LevelView(int value, String label, String descriptor) {
    }

    /** One evidence score, at the time the work was done. */
    public record ScorePoint(Instant observedAt, double score, String evidenceId, String method, String assessmentType,
                             String assessmentId) {
    }

    /** The mastery value and state after each decision. */
    public record ValuePoint(Instant at, String kind, String state, Double value) {
    }

    public record GoalView(String goalId, String competencyId, String code, LocalDate targetDate, Instant setAt,
                           Instant achievedAt) {
    }

    /** Reflections are counted and dated here; their texts stay in progression-service. */
    public record Reflections(int count, List<Instant> dates) {
    }

    public record NextStep(String competencyId, String code, String iCan, String state, String reason,
                           List<LearningResource> resources) {
    }

    public record RetakeView(String assessmentId, String title, String competencyId, String reason, Instant unlockedAt) {
    }

    public record CreditView(String courseId, String title, double credits, Instant earnedAt) {
    }
}

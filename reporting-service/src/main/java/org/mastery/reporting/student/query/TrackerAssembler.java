package org.mastery.reporting.student.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.CourseDefinition;
import org.mastery.contracts.curriculum.LearningResource;
import org.mastery.contracts.curriculum.ProgressionPhase;
import org.mastery.reporting.projection.query.Catalog;
import org.mastery.reporting.projection.query.Derivations;
import org.mastery.reporting.projection.query.StudentProgress;
import org.mastery.reporting.projection.query.StudentProgress.CompetencyProgress;
import org.mastery.reporting.projection.query.StudentProgress.EvidenceEntry;
import org.mastery.reporting.student.query.TrackerView.CompetencyView;

/** Puts a student's tracker together from their document and the reference data it names. */
public class TrackerAssembler {

    private final Catalog catalog;

    public TrackerAssembler(Catalog catalog) {
        this.catalog = catalog;
    }

    public Optional<TrackerView> tracker(String studentId, String name) {
        return catalog.student(studentId).map(s -> assemble(s, name));
    }

    public TrackerView assemble(StudentProgress student, String name) {
        Map<String, CourseDefinition> courses = catalog.coursesOfClasses(student.classIds);
        TreeSet<String> ids = Derivations.competencyIds(student);
        courses.values().forEach(c -> {
            if (c.competencyIds() != null) {
                ids.addAll(c.competencyIds());
            }
        });
        Map<String, CompetencyDefinition> definitions = catalog.competencies(ids);
        List<CompetencyView> competencies = new ArrayList<>();
        for (String id : ids) {
            competencies.add(competency(student, id, definitions.get(id)));
        }
        competencies.sort(Comparator.comparing((CompetencyView c) -> c.code() == null ? "\uffff" : c.code())
                .thenComparing(CompetencyView::competencyId));

        List<TrackerView.GoalView> goals = new ArrayList<>();
        student.goals.forEach((goalId, g) -> goals.add(new TrackerView.GoalView(goalId, g.competencyId,
                code(definitions.get(g.competencyId)), g.targetDate, g.setAt, g.achievedAt)));
        goals.sort(Comparator.comparing(TrackerView.GoalView::targetDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TrackerView.GoalView::goalId));

        List<Instant> reflectionDates = student.reflections.values().stream().map(r -> r.recordedAt)
                .filter(java.util.Objects::nonNull).sorted().toList();

        Map<String, ObjectNode> assessments = catalog.assessments(student.retakes.keySet());
        List<TrackerView.RetakeView> retakes = new ArrayList<>();
        student.retakes.forEach((assessmentId, r) -> retakes.add(new TrackerView.RetakeView(assessmentId,
                Optional.ofNullable(assessments.get(assessmentId)).map(a -> a.path("assessment").path("title").asText(null)).orElse(null),
                r.competencyId, r.reason, r.unlockedAt)));

        Map<String, CourseDefinition> creditCourses = catalog.courses(student.credits.keySet());
        List<TrackerView.CreditView> credits = new ArrayList<>();
        student.credits.forEach((courseId, c) -> credits.add(new TrackerView.CreditView(courseId,
                Optional.ofNullable(creditCourses.get(courseId)).map(CourseDefinition::title).orElse(null), c.credits, c.earnedAt)));

        return new TrackerView(student.studentId, name, student.schoolId, student.gradeLevel, List.copyOf(student.classIds),
                summary(competencies), competencies, goals,
                new TrackerView.Reflections(student.reflections.size(), reflectionDates),
                nextSteps(student, competencies, definitions), retakes, credits,
                student.tutoring != null && student.tutoring.optedIn);
    }

    private CompetencyView competency(StudentProgress student, String id, CompetencyDefinition definition) {
        CompetencyProgress progress = student.competencies.get(id);
        List<Map.Entry<String, EvidenceEntry>> evidence = Derivations.evidenceFor(student, id);
        List<TrackerView.ScorePoint> scores = evidence.stream().map(e -> new TrackerView.ScorePoint(e.getValue().observedAt,
                e.getValue().score, e.getKey(), e.getValue().method, e.getValue().assessmentType, e.getValue().assessmentId)).toList();
        String state = Derivations.effectiveState(progress);
        TrackerView.OverrideView override = null;
        TrackerView.PhaseView phase = null;
        Double value = null;
        List<TrackerView.ValuePoint> history = List.of();
        Instant masteredAt = null;
        boolean unlocked = false;
        if (progress != null) {
            if (progress.override != null) {
                var o = progress.override;
                override = new TrackerView.OverrideView(o.overrideId, o.state, o.reasonCode, o.teacherId, o.appliedAt, o.expiresAt);
            }
            if (progress.phaseId != null) {
                Optional<ProgressionPhase> p = Catalog.phase(definition, progress.phaseId);
                phase = new TrackerView.PhaseView(progress.phaseId, p.map(ProgressionPhase::order).orElse(null),
                        p.map(ProgressionPhase::label).orElse(null));
            }
            value = progress.value;
            history = progress.history.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, StudentProgress.DecisionPoint> e) -> e.getValue().at,
                            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Map.Entry::getKey))
                    .map(e -> new TrackerView.ValuePoint(e.getValue().at, e.getValue().kind, e.getValue().state, e.getValue().value))
                    .toList();
            masteredAt = Derivations.MASTERED.equals(state) ? Derivations.effectiveMasteredAt(progress) : null;
            unlocked = progress.unlocked;
        }
        boolean openIntervention = student.interventions.values().stream().anyMatch(i -> !i.resolved && id.equals(i.competencyId));
        TrackerView.LevelView level = Catalog.level(definition, value)
                .map(l -> new TrackerView.LevelView(l.value(), l.label(), l.descriptor())).orElse(null);
        return new CompetencyView(id, code(definition), definition == null ? null : definition.statement(),
                definition == null ? null : definition.studentStatement(),
                definition == null ? null : definition.masteryDescription(), definition != null, state,
                progress == null || progress.state == null ? Derivations.NOT_STARTED : progress.state, override, phase, value, level,
                definition == null || definition.scale() == null ? null : definition.scale().masteryCut(),
                evidence.size(), evidence.isEmpty() ? null : evidence.get(evidence.size() - 1).getValue().observedAt, masteredAt,
                unlocked, definition == null || definition.prerequisiteIds() == null ? List.of() : definition.prerequisiteIds(),
                openIntervention, scores, history, progress == null ? null : progress.explanation);
    }

    private static TrackerView.Summary summary(List<CompetencyView> competencies) {
        int mastered = 0, inProgress = 0, needsReview = 0, insufficient = 0, notStarted = 0;
        for (CompetencyView c : competencies) {
            switch (c.state()) {
                case "MASTERED" -> mastered++;
                case "IN_PROGRESS" -> inProgress++;
                case "NEEDS_REVIEW" -> needsReview++;
                case "INSUFFICIENT_EVIDENCE" -> insufficient++;
                default -> notStarted++;
            }
        }
        return new TrackerView.Summary(competencies.size(), mastered, inProgress, needsReview, insufficient, notStarted);
    }

    /**
     * Unlocked, not-yet-mastered, assessable competencies: those with a goal first (earliest target),
     * then those needing review, in progress, then the rest; shallower prerequisites before deeper;
     * each with the resources of the student's current phase (or the first phase).
     */
    static List<TrackerView.NextStep> nextSteps(StudentProgress student, List<CompetencyView> competencies,
                                                Map<String, CompetencyDefinition> definitions) {
        Map<String, String> states = new HashMap<>();
        competencies.forEach(c -> states.put(c.competencyId(), c.state()));
        Map<String, LocalDate> goalDates = new HashMap<>();
        student.goals.values().forEach(g -> {
            if (g.competencyId != null && g.achievedAt == null) {
                goalDates.merge(g.competencyId, g.targetDate == null ? LocalDate.MAX : g.targetDate,
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        });
        Map<String, Integer> depths = new HashMap<>();
        List<CompetencyView> candidates = new ArrayList<>();
        for (CompetencyView c : competencies) {
            CompetencyDefinition d = definitions.get(c.competencyId());
            if (Derivations.MASTERED.equals(c.state()) || (d != null && !d.assessable())) {
                continue;
            }
            boolean prerequisitesMastered = d != null && (d.prerequisiteIds() == null
                    || d.prerequisiteIds().stream().allMatch(p -> Derivations.MASTERED.equals(states.get(p))));
            if (c.unlocked() || prerequisitesMastered) {
                candidates.add(c);
            }
        }
        candidates.sort(Comparator.comparing((CompetencyView c) -> goalDates.getOrDefault(c.competencyId(), LocalDate.MAX))
                .thenComparingInt(c -> goalDates.containsKey(c.competencyId()) ? 0 : 1)
                .thenComparingInt(c -> stateRank(c.state()))
                .thenComparingInt(c -> depth(c.competencyId(), definitions, depths, new HashSet<>()))
                .thenComparing(c -> c.code() == null ? "\uffff" : c.code())
                .thenComparing(CompetencyView::competencyId));
        List<TrackerView.NextStep> steps = new ArrayList<>();
        for (CompetencyView c : candidates) {
            CompetencyDefinition d = definitions.get(c.competencyId());
            String reason = goalDates.containsKey(c.competencyId()) ? "GOAL"
                    : "NEEDS_REVIEW".equals(c.state()) ? "REVIEW"
                    : "IN_PROGRESS".equals(c.state()) ? "CONTINUE" : "READY";
            steps.add(new TrackerView.NextStep(c.competencyId(), c.code(), c.iCan(), c.state(), reason, resources(d, c)));
        }
        return steps;
    }

    private static List<LearningResource> resources(CompetencyDefinition d, CompetencyView c) {
        if (d == null || d.phases() == null || d.phases().isEmpty()) {
            return List.of();
        }
        ProgressionPhase phase = c.phase() != null ? Catalog.phase(d, c.phase().phaseId()).orElse(null) : null;
        if (phase == null) {
            phase = d.phases().stream().min(Comparator.comparingInt(ProgressionPhase::order)).orElse(null);
        }
        return phase == null || phase.resources() == null ? List.of() : phase.resources();
    }

    private static int stateRank(String state) {
        return switch (state) {
            case "NEEDS_REVIEW" -> 0;
            case "IN_PROGRESS" -> 1;
            case "INSUFFICIENT_EVIDENCE" -> 2;
            default -> 3;
        };
    }

    private static int depth(String id, Map<String, CompetencyDefinition> definitions, Map<String, Integer> memo, Set<String> visiting) {
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        CompetencyDefinition d = definitions.get(id);
        if (d == null || d.prerequisiteIds() == null || d.prerequisiteIds().isEmpty() || !visiting.add(id)) {
            return 0;
        }
        int depth = 0;
        for (String p : d.prerequisiteIds()) {
            depth = Math.max(depth, 1 + depth(p, definitions, memo, visiting));
        }
        visiting.remove(id);
        memo.put(id, depth);
        return depth;
    }

    static String code(CompetencyDefinition definition) {
        return definition == null ? null : definition.code();
    }
}

package org.mastery.progression.journey.query;

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
import org.mastery.contracts.curriculum.LearningResource;
import org.mastery.contracts.curriculum.ProgressionPhase;
import org.mastery.progression.catalog.query.CatalogViews;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What a student can work on next: competencies that are unlocked (every prerequisite mastered, or none)
 * and not yet mastered, among those of the student's journey (with evidence, goals, or unlocked by a
 * mastered prerequisite), each with the resources of the student's current phase (the first phase
 * when not started). Ordered by the student's goals (earliest target date first), then by prerequisite
 * depth (foundations first), then by id.
 */
@Component
public class NextSteps {

    public record NextStep(String competencyId, String code, String studentStatement, String state, String phaseId,
                           List<LearningResource> resources, LocalDate goalTargetDate, int prerequisiteDepth) {
    }

    private final MongoTemplate mongo;
    private final CatalogViews catalog;

    public NextSteps(MongoTemplate mongo, CatalogViews catalog) {
        this.mongo = mongo;
        this.catalog = catalog;
    }

    public List<NextStep> of(String studentId) {
        ProgressionView view = Optional.ofNullable(mongo.findById(studentId, ProgressionView.class)).orElseGet(() -> {
            ProgressionView empty = new ProgressionView();
            empty.studentId = studentId;
            return empty;
        });
        Set<String> mastered = new HashSet<>();
        view.competencies.stream().filter(c -> "MASTERED".equals(c.state)).forEach(c -> mastered.add(c.competencyId));
        Map<String, LocalDate> goals = new HashMap<>();
        view.goals.stream().filter(g -> !g.achieved())
                .forEach(g -> goals.merge(g.competencyId(), g.targetDate(), (a, b) -> a.isBefore(b) ? a : b));

        Set<String> candidates = new TreeSet<>();
        view.competencies.forEach(c -> candidates.add(c.competencyId));
        candidates.addAll(view.unlocked);
        candidates.addAll(goals.keySet());
        for (String m : mastered) {
            candidates.addAll(catalog.dependentsOf(m));
        }
        Map<String, Integer> depths = new HashMap<>();
        List<NextStep> steps = new ArrayList<>();
        for (String id : candidates) {
            if (mastered.contains(id)) {
                continue;
            }
            Optional<CatalogViews.CompetencyEntry> entry = catalog.competency(id);
            if (entry.isEmpty() || entry.get().retired() || !entry.get().definition().assessable()) {
                continue;
            }
            CompetencyDefinition definition = entry.get().definition();
            List<String> prerequisites = definition.prerequisiteIds() == null ? List.of() : definition.prerequisiteIds();
            boolean unlocked = view.unlocked.contains(id) || mastered.containsAll(prerequisites);
            if (!unlocked) {
                continue;
            }
            ProgressionView.CompetencyProgress progress = view.find(id);
            String phaseId = progress != null && progress.phaseId != null ? progress.phaseId : firstPhase(definition);
            List<LearningResource> resources = definition.phases() == null ? List.of() : definition.phases().stream()
                    .filter(p -> p.phaseId().equals(phaseId)).findFirst()
                    .map(p -> p.resources() == null ? List.<LearningResource>of() : p.resources()).orElse(List.of());
            steps.add(new NextStep(id, definition.code(), definition.studentStatement(),
                    progress == null ? "NOT_STARTED" : progress.state, phaseId, resources, goals.get(id),
                    depth(id, depths, new HashSet<>())));
        }
        steps.sort(Comparator.<NextStep, Boolean>comparing(s -> s.goalTargetDate() == null)
                .thenComparing(s -> s.goalTargetDate() == null ? LocalDate.MAX : s.goalTargetDate())
                .thenComparingInt(NextStep::prerequisiteDepth)
                .thenComparing(NextStep::competencyId));
        return steps;
    }

    private static String firstPhase(CompetencyDefinition definition) {
        return definition.phases() == null ? null : definition.phases().stream()
                .min(Comparator.comparingInt(ProgressionPhase::order)).map(ProgressionPhase::phaseId).orElse(null);
    }

    /** The longest chain of prerequisites below a competency (0 for none); cycles count once. */
    private int depth(String id, Map<String, Integer> memo, Set<String> path) {
        Integer known = memo.get(id);
        if (known != null) {
            return known;
        }
        if (!path.add(id)) {
            return 0;
        }
        int depth = 0;
        List<String> prerequisites = catalog.competency(id).map(e -> e.definition().prerequisiteIds()).orElse(null);
        if (prerequisites != null) {
            for (String p : prerequisites) {
                depth = Math.max(depth, 1 + depth(p, memo, path));
            }
        }
        path.remove(id);
        memo.put(id, depth);
        return depth;
    }
}

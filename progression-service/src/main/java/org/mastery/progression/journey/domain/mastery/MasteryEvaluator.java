package org.mastery.progression.journey.domain.mastery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mastery.progression.journey.domain.ActiveOverride;
import org.mastery.progression.journey.domain.CompetencyPolicy;
import org.mastery.progression.journey.domain.Evaluation;
import org.mastery.progression.journey.domain.Evidence;
import org.mastery.progression.journey.domain.EvidenceUsed;
import org.mastery.progression.journey.domain.Explanation;
import org.mastery.progression.journey.domain.MasteryState;
import org.mastery.progression.journey.domain.Phase;
import org.mastery.progression.journey.domain.ScaleLevel;

/**
 * Decides the state of one competency from its evidence in observation order and the policy in force:
 * a pure function, so a replay of the same evidence under the same policy version decides the same.
 *
 * <p>The evidence is walked in observation order. Mastery is declared at the first point where the
 * method's criterion holds with at least {@code minEvidence} scores and every required method present;
 * it then stands (later low scores change the score, not the mastery) unless the policy has
 * {@code retention}: then a later SUMMATIVE score below the cut lapses it to NEEDS_REVIEW, until a
 * later score at or above the cut meets the criterion again.
 */
public final class MasteryEvaluator {

    private MasteryEvaluator() {
    }

    /** Evaluates {@code ordered} (which must be in {@link Evidence#OBSERVATION_ORDER}). */
    public static Evaluation evaluate(CompetencyPolicy policy, List<Evidence> ordered, ActiveOverride override) {
        MasteryMethod method = policy.masteryMethod();
        Map<String, Double> parameters = policy.parameters();
        double cut = policy.cut();
        int k = ordered.size();
        double[] scores = new double[k];
        for (int i = 0; i < k; i++) {
            scores[i] = ordered.get(i).score();
        }

        boolean mastered = false;
        boolean lapsed = false;
        String lapsedBy = null;
        Double value = null;
        TreeSet<String> seenMethods = new TreeSet<>();
        for (int i = 0; i < k; i++) {
            Evidence e = ordered.get(i);
            seenMethods.add(e.method());
            double[] prefix = java.util.Arrays.copyOf(scores, i + 1);
            value = method.value(prefix, parameters, cut);
            boolean sufficient = i + 1 >= policy.minEvidence() && seenMethods.containsAll(policy.requiredMethods());
            boolean meets = sufficient && method.met(prefix, value, parameters, cut);
            if (lapsed) {
                if (meets && e.score() >= cut) {
                    lapsed = false;
                    lapsedBy = null;
                    mastered = true;
                }
            } else if (mastered) {
                if (policy.retention() && Evidence.SUMMATIVE.equals(e.assessmentType()) && e.score() < cut) {
                    lapsed = true;
                    lapsedBy = e.evidenceId();
                    mastered = false;
                }
            } else if (meets) {
                mastered = true;
            }
        }

        List<String> missing = new ArrayList<>();
        for (String required : policy.requiredMethods()) {
            if (!seenMethods.contains(required)) {
                missing.add(required);
            }
        }
        MasteryState calculated;
        if (k == 0) {
            calculated = MasteryState.NOT_STARTED;
        } else if (lapsed) {
            calculated = MasteryState.NEEDS_REVIEW;
        } else if (mastered) {
            calculated = MasteryState.MASTERED;
        } else if (k < policy.minEvidence() || !missing.isEmpty()) {
            calculated = MasteryState.INSUFFICIENT_EVIDENCE;
        } else {
            calculated = MasteryState.IN_PROGRESS;
        }
        MasteryState state = override != null ? override.state() : calculated;

        Double phaseScore = k == 0 ? null : method.valueOnScale() && value != null ? value : scores[k - 1];
        List<EvidenceUsed> used = new ArrayList<>(k);
        for (Evidence e : ordered) {
            used.add(new EvidenceUsed(e.evidenceId(), e.score(), e.observedAt(), e.method()));
        }
        Explanation explanation = new Explanation(method.name(), parameters, policy.policyVersion(),
                policy.competencyVersion(), cut, policy.minEvidence(), policy.requiredMethods(), List.copyOf(missing),
                List.copyOf(used), value, state.name(), override != null ? override.overrideId() : null);
        return new Evaluation(state, calculated, value, phaseScore, level(policy.levels(), phaseScore),
                phase(policy.phases(), phaseScore), k, k == 0 ? null : ordered.get(k - 1).observedAt(), explanation,
                lapsedBy);
    }

    /** The highest level whose value the score reaches (the lowest level below that). */
    static Integer level(List<ScaleLevel> levels, Double score) {
        if (score == null || levels.isEmpty()) {
            return null;
        }
        List<ScaleLevel> ascending = levels.stream().sorted(java.util.Comparator.comparingInt(ScaleLevel::value)).toList();
        int level = ascending.get(0).value();
        for (ScaleLevel l : ascending) {
            if (score + 1e-9 >= l.value()) {
                level = l.value();
            }
        }
        return level;
    }

    /** The phase whose band holds the score; below the first band the first phase, above the last the last. */
    static String phase(List<Phase> phases, Double score) {
        if (score == null || phases.isEmpty()) {
            return null;
        }
        List<Phase> ordered = phases.stream().sorted(java.util.Comparator.comparingInt(Phase::order)).toList();
        if (score < ordered.get(0).minScore()) {
            return ordered.get(0).phaseId();
        }
        for (int i = 0; i < ordered.size(); i++) {
            Phase p = ordered.get(i);
            boolean top = i == ordered.size() - 1;
            if (score >= p.minScore() && (score < p.maxScore() || top)) {
                return p.phaseId();
            }
        }
        return ordered.get(ordered.size() - 1).phaseId();
    }
}

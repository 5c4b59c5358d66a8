package org.mastery.assessment.attempt.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mastery.assessment.assessment.domain.AlignedCompetency;
import org.mastery.assessment.assessment.domain.AssessmentSpec;
import org.mastery.assessment.assessment.domain.Criterion;

/**
 * Rubric scoring: every criterion is scored at one of its levels; a competency scores the mean of
 * the levels of its criteria (one criterion: its level).
 */
public final class RubricScoring {

    private RubricScoring() {
    }

    public static List<String> problems(AssessmentSpec spec, Map<String, Integer> levels) {
        List<String> problems = new ArrayList<>();
        for (Criterion criterion : spec.rubric()) {
            Integer level = levels.get(criterion.criterionId());
            if (level == null) {
                problems.add("criterion " + criterion.criterionId() + " is not scored");
            } else if (!criterion.levels().contains(level)) {
                problems.add("criterion " + criterion.criterionId() + " has no level " + level + " (levels " + criterion.levels() + ")");
            }
        }
        for (String criterionId : levels.keySet()) {
            if (spec.criterion(criterionId).isEmpty()) {
                problems.add("the rubric has no criterion " + criterionId);
            }
        }
        return problems;
    }

    public static List<CriterionScore> criterionScores(AssessmentSpec spec, Map<String, Integer> levels) {
        List<CriterionScore> scores = new ArrayList<>();
        for (Criterion criterion : spec.rubric()) {
            scores.add(new CriterionScore(criterion.criterionId(), criterion.competencyId(), levels.get(criterion.criterionId())));
        }
        return scores;
    }

    public static Map<String, Double> levels(AssessmentSpec spec, List<CriterionScore> scores) {
        Map<String, Double> levels = new LinkedHashMap<>();
        for (AlignedCompetency competency : spec.competencies()) {
            double sum = 0;
            int count = 0;
            for (CriterionScore score : scores) {
                if (score.competencyId().equals(competency.competencyId())) {
                    sum += score.level();
                    count++;
                }
            }
            if (count == 0) {
                throw new IllegalStateException("no criterion on competency " + competency.competencyId());
            }
            levels.put(competency.competencyId(), sum / count);
        }
        return levels;
    }
}

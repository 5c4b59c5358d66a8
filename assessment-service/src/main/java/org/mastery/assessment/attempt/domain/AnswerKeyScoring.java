package org.mastery.assessment.attempt.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mastery.assessment.assessment.domain.AlignedCompetency;
import org.mastery.assessment.assessment.domain.AssessmentSpec;
import org.mastery.assessment.assessment.domain.Form;
import org.mastery.assessment.assessment.domain.Item;
import org.mastery.assessment.assessment.domain.ScaleMapping;

/**
 * Answer-key scoring: each item of the form is earned or not; each aligned competency scores the
 * level that its fraction of earned items maps to on its scale ({@link ScaleMapping}). An item
 * without a response is not earned.
 */
public final class AnswerKeyScoring {

    private AnswerKeyScoring() {
    }

    /** Item ids among the responses that are not items of the form. */
    public static List<String> unknownItems(Form form, Map<String, String> responses) {
        List<String> unknown = new ArrayList<>();
        for (String itemId : responses.keySet()) {
            if (form.item(itemId).isEmpty()) {
                unknown.add(itemId);
            }
        }
        return unknown;
    }

    public static List<ItemResult> mark(Form form, Map<String, String> responses) {
        List<ItemResult> results = new ArrayList<>();
        for (Item item : form.items()) {
            results.add(new ItemResult(item.itemId(), item.competencyId(), item.accepts(responses.get(item.itemId()))));
        }
        return results;
    }

    /** The level per aligned competency, in alignment order. */
    public static Map<String, Double> levels(AssessmentSpec spec, List<ItemResult> results) {
        Map<String, Double> levels = new LinkedHashMap<>();
        for (AlignedCompetency competency : spec.competencies()) {
            long total = results.stream().filter(r -> r.competencyId().equals(competency.competencyId())).count();
            long correct = results.stream().filter(r -> r.competencyId().equals(competency.competencyId()) && r.correct()).count();
            if (total == 0) {
                throw new IllegalStateException("no item on competency " + competency.competencyId());
            }
            levels.put(competency.competencyId(),
                    (double) ScaleMapping.levelFor(competency.scale(), correct, total, spec.masteryThreshold()));
        }
        return levels;
    }
}

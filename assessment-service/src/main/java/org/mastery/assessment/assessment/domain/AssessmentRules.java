package org.mastery.assessment.assessment.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The structural rules of an assessment definition; each broken rule is named in plain words. */
public final class AssessmentRules {

    public static final int MAX_COOL_DOWN_HOURS = 24 * 365;

    private AssessmentRules() {
    }

    public static List<String> problems(String title, AssessmentSpec spec) {
        List<String> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add("an assessment needs a title");
        }
        if (spec.type() == null) {
            problems.add("type is required (FORMATIVE, INTERIM or SUMMATIVE)");
        }
        if (spec.method() == null) {
            problems.add("method is required");
        }
        if (spec.scoring() == null) {
            problems.add("scoring is required (ANSWER_KEY or RUBRIC)");
        }
        Set<String> aligned = new LinkedHashSet<>();
        if (spec.competencies().isEmpty()) {
            problems.add("an assessment is aligned to at least one competency");
        }
        for (AlignedCompetency competency : spec.competencies()) {
            if (!aligned.add(competency.competencyId())) {
                problems.add("competency " + competency.competencyId() + " is aligned twice");
            }
            if (competency.scale() == null || competency.scale().levels().isEmpty()) {
                problems.add("competency " + competency.competencyId() + " has no proficiency scale");
            }
        }
        if (spec.forms().isEmpty()) {
            problems.add("an assessment has at least one form");
        }
        Set<String> formIds = new HashSet<>();
        for (Form form : spec.forms()) {
            if (!formIds.add(form.formId())) {
                problems.add("form " + form.formId() + " is defined twice");
            }
        }
        if (spec.retakePolicy().coolDownHours() < 0 || spec.retakePolicy().coolDownHours() > MAX_COOL_DOWN_HOURS) {
            problems.add("retakePolicy.coolDownHours must be between 0 and " + MAX_COOL_DOWN_HOURS);
        }
        if (!(spec.masteryThreshold() > 0 && spec.masteryThreshold() <= 1)) {
            problems.add("masteryThreshold must be greater than 0 and at most 1");
        }
        if (spec.scoring() == ScoringKind.ANSWER_KEY) {
            answerKeyProblems(spec, aligned, problems);
        } else if (spec.scoring() == ScoringKind.RUBRIC) {
            rubricProblems(spec, aligned, problems);
        }
        return problems;
    }

    private static void answerKeyProblems(AssessmentSpec spec, Set<String> aligned, List<String> problems) {
        if (!spec.rubric().isEmpty()) {
            problems.add("an answer-key assessment has no rubric");
        }
        for (Form form : spec.forms()) {
            if (form.items().isEmpty()) {
                problems.add("form " + form.formId() + " has no items");
                continue;
            }
            Set<String> itemIds = new HashSet<>();
            Set<String> covered = new HashSet<>();
            for (Item item : form.items()) {
                if (!itemIds.add(item.itemId())) {
                    problems.add("form " + form.formId() + " has item " + item.itemId() + " twice");
                }
                if (!aligned.contains(item.competencyId())) {
                    problems.add("item " + item.itemId() + " of form " + form.formId()
                            + " is aligned to " + item.competencyId() + ", which the assessment is not aligned to");
                }
                covered.add(item.competencyId());
                if (item.acceptedAnswers().stream().allMatch(a -> a == null || a.isBlank())) {
                    problems.add("item " + item.itemId() + " of form " + form.formId() + " has no answer key");
                }
            }
            for (String competencyId : aligned) {
                if (!covered.contains(competencyId)) {
                    problems.add("form " + form.formId() + " has no item on competency " + competencyId
                            + " (equivalent forms cover every aligned competency)");
                }
            }
        }
    }

    private static void rubricProblems(AssessmentSpec spec, Set<String> aligned, List<String> problems) {
        if (spec.rubric().isEmpty()) {
            problems.add("a rubric-scored assessment needs at least one criterion");
        }
        for (Form form : spec.forms()) {
            if (!form.items().isEmpty()) {
                problems.add("form " + form.formId() + " of a rubric-scored assessment has items with answer keys");
            }
        }
        Set<String> criterionIds = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (Criterion criterion : spec.rubric()) {
            if (!criterionIds.add(criterion.criterionId())) {
                problems.add("criterion " + criterion.criterionId() + " is defined twice");
            }
            var competency = spec.competency(criterion.competencyId());
            if (competency.isEmpty()) {
                problems.add("criterion " + criterion.criterionId() + " is aligned to " + criterion.competencyId()
                        + ", which the assessment is not aligned to");
                continue;
            }
            covered.add(criterion.competencyId());
            if (criterion.levels().isEmpty()) {
                problems.add("criterion " + criterion.criterionId() + " has no levels");
            }
            for (int level : criterion.levels()) {
                if (competency.get().scale() != null && !competency.get().scale().hasLevel(level)) {
                    problems.add("criterion " + criterion.criterionId() + " has level " + level + ", which is not on the scale of "
                            + criterion.competencyId() + " " + competency.get().scale().levels());
                }
            }
        }
        for (String competencyId : aligned) {
            if (!covered.contains(competencyId)) {
                problems.add("no rubric criterion is aligned to competency " + competencyId);
            }
        }
    }
}

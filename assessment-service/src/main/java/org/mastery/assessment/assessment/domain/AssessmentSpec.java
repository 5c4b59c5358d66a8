package org.mastery.assessment.assessment.domain;

import java.util.List;
import java.util.Optional;

/**
 * Everything that scoring and the attempt rules need to know of an assessment. Assessments are
 * immutable once defined, so attempts may carry this copy in their commands.
 *
 * @param masteryThreshold the fraction of answer-key credit that earns the cut level (see
 *     {@link org.mastery.assessment.assessment.domain.ScaleMapping})
 */
public record AssessmentSpec(String assessmentId, AssessmentType type, AssessmentMethod method, ScoringKind scoring,
                             List<AlignedCompetency> competencies, List<Form> forms, List<Criterion> rubric,
                             RetakePolicy retakePolicy, double masteryThreshold) {

    public AssessmentSpec {
        competencies = competencies == null ? List.of() : List.copyOf(competencies);
        forms = forms == null ? List.of() : List.copyOf(forms);
        rubric = rubric == null ? List.of() : List.copyOf(rubric);
        retakePolicy = retakePolicy == null ? RetakePolicy.standard() : retakePolicy;
    }

    public List<String> formIds() {
        return forms.stream().map(Form::formId).toList();
    }

    public List<String> competencyIds() {
        return competencies.stream().map(AlignedCompetency::competencyId).toList();
    }

    public Optional<Form> form(String formId) {
        return forms.stream().filter(f -> f.formId().equals(formId)).findFirst();
    }

    public Optional<AlignedCompetency> competency(String competencyId) {
        return competencies.stream().filter(c -> c.competencyId().equals(competencyId)).findFirst();
    }

    public Optional<Criterion> criterion(String criterionId) {
        return rubric.stream().filter(c -> c.criterionId().equals(criterionId)).findFirst();
    }

    public boolean summative() {
        return type == AssessmentType.SUMMATIVE;
    }
}

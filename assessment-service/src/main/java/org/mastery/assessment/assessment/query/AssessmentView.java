package org.mastery.assessment.assessment.query;

import java.time.Instant;
import java.util.List;
import org.mastery.assessment.assessment.domain.AlignedCompetency;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.assessment.domain.AssessmentSpec;
import org.mastery.assessment.assessment.domain.AssessmentType;
import org.mastery.assessment.assessment.domain.Criterion;
import org.mastery.assessment.assessment.domain.Form;
import org.mastery.assessment.assessment.domain.Item;
import org.mastery.assessment.assessment.domain.RetakePolicy;
import org.mastery.assessment.assessment.domain.ScoringKind;

/** An assessment as clients read it. {@link #withoutContent()} is what students and guardians see. */
public record AssessmentView(String assessmentId, int version, String title, String status, AssessmentType type,
                             AssessmentMethod method, ScoringKind scoring, List<AlignedCompetency> competencies,
                             List<FormView> forms, List<Criterion> rubric, RetakePolicy retakePolicy,
                             double masteryThreshold, String authorId, Instant definedAt, Instant retiredAt) {

    /** A form; {@code items} is null when the viewer may not see the questions. */
    public record FormView(String formId, String instructions, List<ItemView> items) {
    }

    /** An item; {@code answerKey} is null when the viewer may not see it. */
    public record ItemView(String itemId, String competencyId, String prompt, List<String> choices, List<String> answerKey) {
    }

    public static AssessmentView of(AssessmentDefinition definition) {
        AssessmentSpec spec = definition.spec();
        List<FormView> forms = spec.forms().stream().map(AssessmentView::form).toList();
        return new AssessmentView(definition.assessmentId(), definition.version(), definition.title(),
                definition.retired() ? "RETIRED" : "ACTIVE", spec.type(), spec.method(), spec.scoring(), spec.competencies(), forms,
                spec.rubric(), spec.retakePolicy(), spec.masteryThreshold(), definition.authorId(), definition.definedAt(),
                definition.retiredAt());
    }

    private static FormView form(Form form) {
        return new FormView(form.formId(), form.instructions(), form.items().stream()
                .map(AssessmentView::item).toList());
    }

    private static ItemView item(Item item) {
        return new ItemView(item.itemId(), item.competencyId(), item.prompt(), item.choices(), item.acceptedAnswers());
    }

    /** Without questions and answer keys: what an assessment is, for students and guardians. */
    public AssessmentView withoutContent() {
        return new AssessmentView(assessmentId, version, title, status, type, method, scoring, competencies,
                forms.stream().map(f -> new FormView(f.formId(), null, null)).toList(), rubric, retakePolicy,
                masteryThreshold, authorId, definedAt, retiredAt);
    }
}

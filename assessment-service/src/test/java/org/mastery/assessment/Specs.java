package org.mastery.assessment;

import java.util.ArrayList;
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
import org.mastery.assessment.assessment.domain.Scale;
import org.mastery.assessment.assessment.domain.ScaleMapping;

/** Assessment definitions for domain tests: two competencies on the standard scale. */
public final class Specs {

    public static final String CMP_A = "cmp-a";
    public static final String CMP_B = "cmp-b";

    private Specs() {
    }

    public static List<AlignedCompetency> competencies() {
        return List.of(new AlignedCompetency(CMP_A, "A.1", Scale.standard()), new AlignedCompetency(CMP_B, "B.1", Scale.standard()));
    }

    /** Forms A, B, C (as many as asked), each with items q1–q4 on cmp-a and q5–q8 on cmp-b; every key is "A". */
    public static AssessmentSpec quiz(String assessmentId, AssessmentType type, int formCount) {
        return quiz(assessmentId, type, formCount, RetakePolicy.standard());
    }

    public static AssessmentSpec quiz(String assessmentId, AssessmentType type, int formCount, RetakePolicy policy) {
        List<Form> forms = new ArrayList<>();
        for (int f = 0; f < formCount; f++) {
            List<Item> items = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                items.add(new Item("q" + i, i <= 4 ? CMP_A : CMP_B, "Question " + i, List.of("A", "B", "C"), List.of("A")));
            }
            forms.add(new Form(String.valueOf((char) ('A' + f)), null, items));
        }
        return new AssessmentSpec(assessmentId, type, AssessmentMethod.SELECTED_RESPONSE, ScoringKind.ANSWER_KEY,
                competencies(), forms, List.of(), policy, ScaleMapping.DEFAULT_MASTERY_THRESHOLD);
    }

    /** Two forms (tasks); criteria a1 and a2 on cmp-a, b1 on cmp-b, each with levels 1–4. */
    public static AssessmentSpec task(String assessmentId, AssessmentType type, AssessmentMethod method) {
        return new AssessmentSpec(assessmentId, type, method, ScoringKind.RUBRIC, competencies(),
                List.of(new Form("T1", "Build a ratio table", List.of()), new Form("T2", "Explain a double number line", List.of())),
                List.of(new Criterion("a1", CMP_A, "Reasoning", List.of(1, 2, 3, 4)),
                        new Criterion("a2", CMP_A, "Representation", List.of(1, 2, 3, 4)),
                        new Criterion("b1", CMP_B, "Communication", List.of(1, 2, 3, 4))),
                RetakePolicy.standard(), ScaleMapping.DEFAULT_MASTERY_THRESHOLD);
    }
}

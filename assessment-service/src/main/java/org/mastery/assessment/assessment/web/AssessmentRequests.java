package org.mastery.assessment.assessment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.assessment.domain.AssessmentType;
import org.mastery.assessment.assessment.domain.ScoringKind;

/** Request bodies of the assessment endpoints. */
public final class AssessmentRequests {

    static final String ID = "[A-Za-z0-9._:-]{1,64}";

    private AssessmentRequests() {
    }

    /**
     * {@code POST /api/assessments}. Answer-key assessments give items (with {@code answerKey}) on
     * every form; rubric assessments give {@code rubric} criteria (levels default to the competency's scale).
     */
    public record NewAssessment(
            @NotBlank @Size(max = 200) String title,
            @NotNull AssessmentType type,
            @NotNull AssessmentMethod method,
            @NotNull ScoringKind scoring,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> competencyIds,
            @NotEmpty @Size(max = 12) List<@NotNull @Valid NewForm> forms,
            @Size(max = 40) List<@NotNull @Valid NewCriterion> rubric,
            @Valid NewRetakePolicy retakePolicy,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double masteryThreshold) {
    }

    public record NewForm(
            @NotBlank @Pattern(regexp = ID, message = "must be 1-64 letters, digits or . _ : -") String formId,
            @Size(max = 4000) String instructions,
            @Size(max = 200) List<@NotNull @Valid NewItem> items) {
    }

    public record NewItem(
            @NotBlank @Pattern(regexp = ID, message = "must be 1-64 letters, digits or . _ : -") String itemId,
            @NotBlank @Size(max = 100) String competencyId,
            @Size(max = 4000) String prompt,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> choices,
            @Size(max = 20) List<@NotBlank @Size(max = 500) String> answerKey) {
    }

    public record NewCriterion(
            @NotBlank @Pattern(regexp = ID, message = "must be 1-64 letters, digits or . _ : -") String criterionId,
            @NotBlank @Size(max = 100) String competencyId,
            @Size(max = 2000) String description,
            @Size(max = 12) List<@NotNull Integer> levels) {
    }

    public record NewRetakePolicy(@Min(0) @Max(8760) Integer coolDownHours, Boolean practiceUnlocks) {
    }
}

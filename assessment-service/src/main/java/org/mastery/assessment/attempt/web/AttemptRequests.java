package org.mastery.assessment.attempt.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request bodies of the attempt endpoints. */
public final class AttemptRequests {

    static final String REASON = "[A-Z][A-Z0-9_]{0,39}";
    static final String REASON_MESSAGE = "must be an upper-case code such as ADMINISTRATION_ERROR";

    private AttemptRequests() {
    }

    /** {@code POST /api/attempts} */
    public record StartRequest(@NotBlank @Size(max = 100) String studentId, @NotBlank @Size(max = 100) String assessmentId) {
    }

    /** {@code POST /api/attempts/{id}/submit}: responses per item, and/or links to work (portfolio, project). */
    public record SubmitRequest(@Size(max = 500) List<@NotNull @Valid ItemResponse> responses,
                                @Size(max = 20) List<@NotBlank @Size(max = 2000) String> evidenceUris) {
    }

    public record ItemResponse(@NotBlank @Size(max = 64) String itemId, @Size(max = 10_000) String response) {
    }

    /** {@code POST /api/attempts/{id}/score}: a level per rubric criterion, optional feedback. */
    public record ScoreRequest(@NotEmpty @Size(max = 40) List<@NotNull @Valid CriterionLevel> criteria,
                               @Size(max = 10_000) String feedback) {
    }

    public record CriterionLevel(@NotBlank @Size(max = 64) String criterionId, @NotNull Integer level) {
    }

    /** {@code POST /api/attempts/{id}/rescore}: new criterion levels (rubric) or item credits (answer key). */
    public record RescoreRequest(@Size(max = 40) List<@NotNull @Valid CriterionLevel> criteria,
                                 @Size(max = 200) List<@NotNull @Valid ItemCredit> itemCredits,
                                 @NotBlank @Pattern(regexp = REASON, message = REASON_MESSAGE) String reasonCode,
                                 @Size(max = 10_000) String feedback) {
    }

    public record ItemCredit(@NotBlank @Size(max = 64) String itemId, @NotNull Boolean correct) {
    }

    /** {@code POST /api/attempts/{id}/void} */
    public record VoidRequest(@NotBlank @Pattern(regexp = REASON, message = REASON_MESSAGE) String reasonCode) {
    }

    /** {@code POST /api/assessments/{id}/observations}: one rubric scoring per student observed. */
    public record ObservationBatch(@PastOrPresent Instant observedAt,
                                   @NotEmpty @Size(max = 200) List<@NotNull @Valid Observation> observations) {
    }

    public record Observation(@NotBlank @Size(max = 100) String studentId,
                              @NotEmpty @Size(max = 40) List<@NotNull @Valid CriterionLevel> criteria,
                              @Size(max = 10_000) String feedback) {
    }
}

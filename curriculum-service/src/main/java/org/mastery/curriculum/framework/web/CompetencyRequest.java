package org.mastery.curriculum.framework.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.mastery.curriculum.config.RequestValidator;
import org.mastery.curriculum.framework.domain.CompetencyContent;
import org.mastery.curriculum.framework.domain.Level;
import org.mastery.curriculum.framework.domain.Phase;
import org.mastery.curriculum.framework.domain.Policy;
import org.mastery.curriculum.framework.domain.Resource;
import org.mastery.curriculum.framework.domain.Scale;

/**
 * A competency as clients write it. Omitted {@code scale} and {@code policy} take the defaults
 * (1 Beginning … 4 Advanced, cut 3; DECAYING_AVERAGE w=0.65, minEvidence 2).
 */
public record CompetencyRequest(
        @NotBlank @Size(max = 100) String code,
        @NotBlank @Size(max = 10_000) String statement,
        @Size(max = 2_000) String studentStatement,
        @Size(max = 10_000) String masteryDescription,
        @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String parentId,
        @Size(max = 100) String itemType,
        @Size(max = 20) List<@NotBlank @Size(max = 20) String> educationLevels,
        Boolean assessable,
        Integer sequence,
        @Valid ScaleRequest scale,
        @Valid PolicyRequest policy,
        @Size(max = 200) List<@NotBlank @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String> prerequisiteIds,
        @Size(max = 20) List<@Valid @NotNull PhaseRequest> phases) {

    public record ScaleRequest(@NotEmpty @Size(max = 12) List<@Valid @NotNull LevelRequest> levels,
                               @NotNull Double masteryCut) {
    }

    public record LevelRequest(@NotNull Integer value, @NotBlank @Size(max = 100) String label,
                               @Size(max = 2_000) String descriptor) {
    }

    public record PolicyRequest(@NotBlank @Size(max = 40) String method, Map<String, @NotNull Double> parameters,
                                @Min(1) @Max(100) Integer minEvidence,
                                @Size(max = 10) List<@NotBlank @Size(max = 40) String> requiredMethods,
                                Boolean retention) {
    }

    public record PhaseRequest(@Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String phaseId, @NotNull Integer order,
                               @NotBlank @Size(max = 200) String label, @NotNull Double minScore, @NotNull Double maxScore,
                               @Size(max = 50) List<@Valid @NotNull ResourceRequest> resources) {
    }

    public record ResourceRequest(@NotBlank @Size(max = 500) String title, @NotBlank @Size(max = 2_000) String uri,
                                  @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_-]{0,39}", message = "must be a code such as VIDEO")
                                  String kind) {
    }

    public CompetencyContent toContent() {
        Scale s = scale == null ? null : new Scale(scale.levels().stream()
                .map(l -> new Level(l.value(), l.label(), l.descriptor())).toList(), scale.masteryCut());
        Policy p = policy == null ? null : new Policy(policy.method(), policy.parameters(),
                policy.minEvidence() == null ? 2 : policy.minEvidence(), policy.requiredMethods(),
                Boolean.TRUE.equals(policy.retention()));
        List<Phase> ph = phases == null ? List.of() : phases.stream().map(x -> new Phase(x.phaseId(), x.order(), x.label(),
                x.minScore(), x.maxScore(), x.resources() == null ? List.of()
                : x.resources().stream().map(r -> new Resource(r.title(), r.uri(), r.kind())).toList())).toList();
        return new CompetencyContent(code, statement, studentStatement, masteryDescription, parentId, itemType,
                educationLevels, assessable == null || assessable, sequence, s, p, prerequisiteIds, ph, null, List.of());
    }
}

package org.mastery.assessment.xapi.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.assessment.query.AssessmentDefinition;
import org.mastery.assessment.assessment.query.AssessmentDefinitions;
import org.mastery.assessment.xapi.query.ActivityMapping;
import org.mastery.assessment.xapi.query.ActivityMappings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The activity-id → assessment/competency mapping for xAPI intake: administrators set it, staff read it. */
@RestController
@RequestMapping("/api/xapi/activity-mappings")
public class ActivityMappingController {

    private final ActivityMappings mappings;
    private final AssessmentDefinitions definitions;
    private final AccessGuard access;
    private final Clock clock;

    public ActivityMappingController(ActivityMappings mappings, AssessmentDefinitions definitions, AccessGuard access, Clock clock) {
        this.mappings = mappings;
        this.definitions = definitions;
        this.access = access;
        this.clock = clock;
    }

    /** {@code competencyIds} empty or absent: all of the assessment's competencies. */
    public record MappingRequest(@NotBlank @Size(max = 2000) @Pattern(regexp = "[A-Za-z][A-Za-z0-9+.-]*:\\S+", message = "must be an IRI")
                                String activityId,
                                @NotBlank @Size(max = 100) String assessmentId,
                                @Size(max = 20) List<@NotBlank String> competencyIds,
                                AssessmentMethod method) {
    }

    @PutMapping
    public ActivityMapping put(@Valid @RequestBody MappingRequest body, Viewer viewer) {
        access.requireWriter(viewer);
        access.requireRole(viewer, Role.ADMIN);
        AssessmentDefinition definition = definitions.find(body.assessmentId())
                .orElseThrow(() -> new XapiUnprocessableException(List.of(), List.of("assessment " + body.assessmentId() + " does not exist")));
        List<String> competencyIds = body.competencyIds() == null ? List.of() : List.copyOf(body.competencyIds());
        List<String> foreign = competencyIds.stream().filter(c -> !definition.spec().competencyIds().contains(c)).toList();
        if (!foreign.isEmpty()) {
            throw new XapiUnprocessableException(List.of(), List.of("assessment " + body.assessmentId()
                    + " is not aligned to " + String.join(", ", foreign)));
        }
        ActivityMapping mapping = new ActivityMapping(body.activityId(), body.assessmentId(), competencyIds, body.method(), "API",
                viewer.id(), clock.instant());
        mappings.save(mapping);
        return mapping;
    }

    @GetMapping
    public Object get(@RequestParam(required = false) String activityId, Viewer viewer) {
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN, Role.AUDITOR);
        if (activityId == null) {
            return mappings.all();
        }
        return mappings.find(activityId).orElseThrow(() -> new NoSuchObjectException("activity mapping", activityId));
    }
}

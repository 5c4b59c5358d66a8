package org.mastery.assessment.assessment.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mastery.access.AccessGuard;
import org.mastery.access.ActionForbiddenException;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.assessment.assessment.domain.AlignedCompetency;
import org.mastery.assessment.assessment.domain.AssessmentRules;
import org.mastery.assessment.assessment.domain.AssessmentSpec;
import org.mastery.assessment.assessment.domain.Criterion;
import org.mastery.assessment.assessment.domain.DefineAssessment;
import org.mastery.assessment.assessment.domain.Form;
import org.mastery.assessment.assessment.domain.InvalidAssessmentException;
import org.mastery.assessment.assessment.domain.Item;
import org.mastery.assessment.assessment.domain.RetakePolicy;
import org.mastery.assessment.assessment.domain.RetireAssessment;
import org.mastery.assessment.assessment.domain.Scale;
import org.mastery.assessment.assessment.query.AssessmentDefinition;
import org.mastery.assessment.assessment.query.AssessmentDefinitions;
import org.mastery.assessment.assessment.query.AssessmentView;
import org.mastery.assessment.assessment.query.AssessmentViews;
import org.mastery.assessment.assessment.web.AssessmentRequests.NewAssessment;
import org.mastery.assessment.assessment.web.AssessmentRequests.NewCriterion;
import org.mastery.assessment.assessment.web.AssessmentRequests.NewForm;
import org.mastery.assessment.assessment.web.AssessmentRequests.NewItem;
import org.mastery.assessment.competency.query.CatalogCompetency;
import org.mastery.assessment.competency.query.CompetencyCatalog;
import org.mastery.assessment.assessment.domain.ScaleMapping;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Defining, reading and retiring assessments. */
@RestController
@RequestMapping("/api/assessments")
public class AssessmentController {

    private final CommandGateway commands;
    private final CompetencyCatalog catalog;
    private final AssessmentDefinitions definitions;
    private final AssessmentViews views;
    private final AccessGuard access;

    public AssessmentController(CommandGateway commands, CompetencyCatalog catalog, AssessmentDefinitions definitions,
                                AssessmentViews views, AccessGuard access) {
        this.commands = commands;
        this.catalog = catalog;
        this.definitions = definitions;
        this.views = views;
        this.access = access;
    }

    @PostMapping
    public ResponseEntity<AssessmentView> define(@Valid @RequestBody NewAssessment body, Viewer viewer) {
        access.requireWriter(viewer);
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        List<AlignedCompetency> competencies = aligned(body.competencyIds());
        String assessmentId = "asm-" + UUID.randomUUID();
        AssessmentSpec spec = new AssessmentSpec(assessmentId, body.type(), body.method(), body.scoring(), competencies,
                body.forms().stream().map(AssessmentController::form).toList(),
                body.rubric() == null ? List.of() : body.rubric().stream().map(c -> criterion(c, competencies)).toList(),
                body.retakePolicy() == null ? RetakePolicy.standard() : new RetakePolicy(
                        body.retakePolicy().coolDownHours() == null ? RetakePolicy.DEFAULT_COOL_DOWN_HOURS : body.retakePolicy().coolDownHours(),
                        body.retakePolicy().practiceUnlocks() == null || body.retakePolicy().practiceUnlocks()),
                body.masteryThreshold() == null ? ScaleMapping.DEFAULT_MASTERY_THRESHOLD : body.masteryThreshold());
        // the aggregate enforces these rules; checking first keeps routine refusals out of Axon's error log
        List<String> problems = AssessmentRules.problems(body.title(), spec);
        if (!problems.isEmpty()) {
            throw new InvalidAssessmentException(problems);
        }
        commands.sendAndWait(new DefineAssessment(assessmentId, body.title(), spec, viewer.id()));
        AssessmentView view = views.find(assessmentId).orElseThrow();
        return ResponseEntity.created(URI.create("/api/assessments/" + assessmentId)).body(view);
    }

    @GetMapping("/{id}")
    public AssessmentView get(@PathVariable String id, Viewer viewer) {
        AssessmentView view = views.find(id).orElseThrow(() -> new NoSuchObjectException("assessment", id));
        return viewer.hasAny(Role.TEACHER, Role.ADMIN, Role.AUDITOR) ? view : view.withoutContent();
    }

    /** Only the author or an administrator retires an assessment. */
    @PostMapping("/{id}/retire")
    public AssessmentView retire(@PathVariable String id, Viewer viewer) {
        access.requireWriter(viewer);
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        AssessmentDefinition definition = definitions.find(id).orElseThrow(() -> new NoSuchObjectException("assessment", id));
        if (!viewer.has(Role.ADMIN) && !viewer.id().equals(definition.authorId())) {
            throw new ActionForbiddenException("Only the assessment's author or an administrator may retire it");
        }
        commands.sendAndWait(new RetireAssessment(id, viewer.id()));
        return definitions.find(id).map(AssessmentView::of).orElseThrow();
    }

    /** The competencies with their current scales; unknown, retired or non-assessable ones are refused together. */
    private List<AlignedCompetency> aligned(List<String> competencyIds) {
        Map<String, CatalogCompetency> known = catalog.findAll(competencyIds);
        List<String> unknown = new ArrayList<>();
        List<String> retired = new ArrayList<>();
        List<String> notAssessable = new ArrayList<>();
        List<AlignedCompetency> aligned = new ArrayList<>();
        for (String id : competencyIds.stream().distinct().toList()) {
            CatalogCompetency competency = known.get(id);
            if (competency == null) {
                unknown.add(id);
            } else if (competency.retired()) {
                retired.add(id);
            } else if (!competency.assessable()) {
                notAssessable.add(id);
            } else {
                aligned.add(new AlignedCompetency(id, competency.code(), new Scale(competency.levels(), competency.masteryCut())));
            }
        }
        if (!unknown.isEmpty() || !retired.isEmpty() || !notAssessable.isEmpty()) {
            throw new CompetencyAlignmentException(unknown, retired, notAssessable);
        }
        if (aligned.size() != competencyIds.size()) {
            // a competency listed twice: the aggregate names it
            List<AlignedCompetency> withDuplicates = new ArrayList<>();
            for (String id : competencyIds) {
                aligned.stream().filter(c -> c.competencyId().equals(id)).findFirst().ifPresent(withDuplicates::add);
            }
            return withDuplicates;
        }
        return aligned;
    }

    private static Form form(NewForm form) {
        return new Form(form.formId(), form.instructions(),
                form.items() == null ? List.of() : form.items().stream().map(AssessmentController::item).toList());
    }

    private static Item item(NewItem item) {
        return new Item(item.itemId(), item.competencyId(), item.prompt(), item.choices(), item.answerKey());
    }

    private static Criterion criterion(NewCriterion criterion, List<AlignedCompetency> competencies) {
        List<Integer> levels = criterion.levels();
        if (levels == null || levels.isEmpty()) {
            levels = competencies.stream().filter(c -> c.competencyId().equals(criterion.competencyId())).findFirst()
                    .map(c -> c.scale().levels()).orElse(List.of());
        }
        return new Criterion(criterion.criterionId(), criterion.competencyId(), criterion.description(), levels);
    }
}

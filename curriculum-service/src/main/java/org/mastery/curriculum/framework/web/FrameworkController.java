package org.mastery.curriculum.framework.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.curriculum.config.RequestValidator;
import org.mastery.curriculum.directory.query.Directory;
import org.mastery.curriculum.framework.domain.Actor;
import org.mastery.curriculum.framework.domain.CompetencyChange;
import org.mastery.curriculum.framework.domain.DefineCompetency;
import org.mastery.curriculum.framework.domain.DraftFramework;
import org.mastery.curriculum.framework.domain.FrameworkStatus;
import org.mastery.curriculum.framework.domain.OpenNewDraft;
import org.mastery.curriculum.framework.domain.PrerequisiteGraph;
import org.mastery.curriculum.framework.domain.PublishFramework;
import org.mastery.curriculum.framework.domain.RetireFramework;
import org.mastery.curriculum.framework.query.CompetencySummary;
import org.mastery.curriculum.framework.query.CompetencyView;
import org.mastery.curriculum.framework.query.FrameworkView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Frameworks: draft, read (with competencies), add competencies, publish, open a new draft version,
 * retire, and the prerequisite map. Authoring is for teachers (their own frameworks) and
 * administrators; reading for anyone signed in.
 */
@RestController
@RequestMapping("/api/frameworks")
public class FrameworkController {

    private final CommandGateway commands;
    private final MongoTemplate mongo;
    private final AccessGuard access;
    private final Directory directory;
    private final RequestValidator validator;

    public FrameworkController(CommandGateway commands, MongoTemplate mongo, AccessGuard access, Directory directory,
                               RequestValidator validator) {
        this.commands = commands;
        this.mongo = mongo;
        this.access = access;
        this.directory = directory;
        this.validator = validator;
    }

    public record NewFramework(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String subject,
                               @NotBlank @Size(max = 40) String gradeBand) {
    }

    public record FrameworkCreated(String frameworkId, int version, String status) {
    }

    @PostMapping
    public ResponseEntity<FrameworkCreated> create(@RequestBody NewFramework body, Viewer viewer) {
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        validator.valid(body);
        String id = "fw-" + UUID.randomUUID();
        commands.sendAndWait(new DraftFramework(id, body.title(), body.subject(), body.gradeBand(), viewer.id()));
        return ResponseEntity.created(URI.create("/api/frameworks/" + id)).body(new FrameworkCreated(id, 1, "DRAFT"));
    }

    /** The framework with its competencies, in hierarchy order (parents first, siblings by sequence then code). */
    public record FrameworkResponse(String frameworkId, int version, String status, String title, String subject,
                                    String gradeBand, String ownerId, String authorId, String caseDocumentId,
                                    Instant draftedAt, Integer publishedVersion, Instant publishedAt, Instant retiredAt,
                                    List<CompetencySummary> competencies) {
    }

    @GetMapping("/{id}")
    public FrameworkResponse get(@PathVariable String id) {
        FrameworkView v = view(id);
        return new FrameworkResponse(v.frameworkId(), v.version(), v.status(), v.title(), v.subject(), v.gradeBand(),
                v.ownerId(), v.authorId(), v.caseDocumentId(), v.draftedAt(), v.publishedVersion(), v.publishedAt(),
                v.retiredAt(), hierarchyOrder(v.competencies() == null ? Map.of() : v.competencies()));
    }

    @PostMapping("/{id}/competencies")
    public ResponseEntity<CompetencyChange> defineCompetency(@PathVariable String id, @RequestBody CompetencyRequest body,
                                                             Viewer viewer) {
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        requireFramework(id);
        validator.valid(body);
        String competencyId = "cmp-" + UUID.randomUUID();
        CompetencyChange change = commands.sendAndWait(new DefineCompetency(id, competencyId, body.toContent(), actor(viewer)));
        return ResponseEntity.created(URI.create("/api/competencies/" + competencyId)).body(change);
    }

    @PostMapping("/{id}/publish")
    public FrameworkStatus publish(@PathVariable String id, Viewer viewer) {
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        requireFramework(id);
        return commands.sendAndWait(new PublishFramework(id, actor(viewer)));
    }

    @PostMapping("/{id}/drafts")
    public ResponseEntity<FrameworkStatus> openDraft(@PathVariable String id, Viewer viewer) {
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        requireFramework(id);
        FrameworkStatus status = commands.sendAndWait(new OpenNewDraft(id, actor(viewer)));
        return ResponseEntity.status(HttpStatus.CREATED).body(status);
    }

    @PostMapping("/{id}/retire")
    public FrameworkStatus retire(@PathVariable String id, Viewer viewer) {
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        requireFramework(id);
        return commands.sendAndWait(new RetireFramework(id, actor(viewer)));
    }

    /** A node of the map: a competency of the framework, or an external prerequisite from a published framework. */
    public record MapNode(String competencyId, String code, String statement, String itemType, String parentId,
                          boolean assessable, String status, boolean external, String frameworkId) {
    }

    /** {@code from} is a prerequisite of {@code to}. */
    public record MapEdge(String from, String to, String kind) {
    }

    public record FrameworkMap(String frameworkId, int version, String status, List<MapNode> nodes, List<MapEdge> edges,
                               List<String> topologicalOrder) {
    }

    @GetMapping("/{id}/map")
    public FrameworkMap map(@PathVariable String id) {
        FrameworkView v = view(id);
        Map<String, CompetencySummary> competencies = v.competencies() == null ? Map.of() : v.competencies();
        Map<String, MapNode> nodes = new LinkedHashMap<>();
        List<MapEdge> edges = new ArrayList<>();
        Map<String, List<String>> requires = new HashMap<>();
        for (CompetencySummary c : hierarchyOrder(competencies)) {
            if ("RETIRED".equals(c.status())) {
                continue;
            }
            nodes.put(c.competencyId(), new MapNode(c.competencyId(), c.code(), c.statement(), c.itemType(), c.parentId(),
                    c.assessable(), c.status(), false, v.frameworkId()));
            requires.put(c.competencyId(), c.prerequisiteIds());
            c.prerequisiteIds().forEach(p -> edges.add(new MapEdge(p, c.competencyId(), "PREREQUISITE")));
        }
        for (MapEdge edge : edges) {
            if (!nodes.containsKey(edge.from())) {
                CompetencyView external = mongo.findById(edge.from(), CompetencyView.class);
                nodes.put(edge.from(), external == null
                        ? new MapNode(edge.from(), edge.from(), null, null, null, false, null, true, null)
                        : new MapNode(edge.from(), external.content().code(), external.content().statement(),
                        external.content().itemType(), null, external.content().assessable(), external.status(), true,
                        external.frameworkId()));
            }
        }
        Comparator<String> byCode = Comparator.comparing((String n) -> nodes.get(n).code()).thenComparing(n -> n);
        List<String> order = new PrerequisiteGraph(requires).topologicalOrder(byCode);
        return new FrameworkMap(v.frameworkId(), v.version(), v.status(), List.copyOf(nodes.values()), edges, order);
    }

    static List<CompetencySummary> hierarchyOrder(Map<String, CompetencySummary> competencies) {
        Map<String, List<CompetencySummary>> children = new HashMap<>();
        List<CompetencySummary> roots = new ArrayList<>();
        for (CompetencySummary c : competencies.values()) {
            if (c.parentId() != null && competencies.containsKey(c.parentId())) {
                children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c);
            } else {
                roots.add(c);
            }
        }
        Comparator<CompetencySummary> siblings = Comparator
                .comparing(CompetencySummary::sequence, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CompetencySummary::code, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(CompetencySummary::competencyId);
        List<CompetencySummary> out = new ArrayList<>(competencies.size());
        java.util.Deque<CompetencySummary> stack = new java.util.ArrayDeque<>();
        roots.sort(siblings.reversed());
        roots.forEach(stack::push);
        while (!stack.isEmpty()) {
            CompetencySummary c = stack.pop();
            out.add(c);
            List<CompetencySummary> kids = new ArrayList<>(children.getOrDefault(c.competencyId(), List.of()));
            kids.sort(siblings.reversed());
            kids.forEach(stack::push);
        }
        return out;
    }

    private FrameworkView view(String id) {
        FrameworkView view = mongo.findById(id, FrameworkView.class);
        if (view == null) {
            throw new NoSuchObjectException("framework", id);
        }
        return view;
    }

    private void requireFramework(String id) {
        if (directory.find(id, Directory.FRAMEWORK, null).isEmpty()) {
            throw new NoSuchObjectException("framework", id);
        }
    }

    static Actor actor(Viewer viewer) {
        return new Actor(viewer.id(), viewer.has(Role.ADMIN));
    }
}

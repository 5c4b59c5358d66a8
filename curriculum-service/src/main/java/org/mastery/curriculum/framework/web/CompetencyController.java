package org.mastery.curriculum.framework.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.curriculum.config.RequestValidator;
import org.mastery.curriculum.directory.query.Directory;
import org.mastery.curriculum.framework.domain.CompetencyChange;
import org.mastery.curriculum.framework.domain.ReviseCompetency;
import org.mastery.curriculum.framework.query.CompetencyVersionView;
import org.mastery.curriculum.framework.query.CompetencyView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Competencies: read the latest definition or any version; revise (a published framework gets a new draft). */
@RestController
@RequestMapping("/api/competencies")
public class CompetencyController {

    private final CommandGateway commands;
    private final MongoTemplate mongo;
    private final AccessGuard access;
    private final Directory directory;
    private final RequestValidator validator;

    public CompetencyController(CommandGateway commands, MongoTemplate mongo, AccessGuard access, Directory directory,
                                RequestValidator validator) {
        this.commands = commands;
        this.mongo = mongo;
        this.access = access;
        this.directory = directory;
        this.validator = validator;
    }

    @GetMapping("/{id}")
    public CompetencyResponse get(@PathVariable String id) {
        CompetencyView v = mongo.findById(id, CompetencyView.class);
        if (v == null) {
            throw new NoSuchObjectException("competency", id);
        }
        return CompetencyResponse.of(v.competencyId(), v.frameworkId(), v.frameworkVersion(), v.competencyVersion(),
                v.policyVersion(), v.status(), v.publishedVersion(), v.content(), v.changedAt());
    }

    /** One version as it was, for evidence and decisions pinned to it. */
    @GetMapping("/{id}/versions/{version}")
    public CompetencyResponse version(@PathVariable String id, @PathVariable int version) {
        CompetencyVersionView v = mongo.findById(CompetencyVersionView.idOf(id, version), CompetencyVersionView.class);
        if (v == null) {
            throw new NoSuchObjectException("competency version", id + "@" + version);
        }
        return CompetencyResponse.of(v.competencyId(), v.frameworkId(), v.frameworkVersion(), v.competencyVersion(),
                v.policyVersion(), v.status(), null, v.content(), v.changedAt());
    }

    @PutMapping("/{id}")
    public CompetencyChange revise(@PathVariable String id, @RequestBody CompetencyRequest body, Viewer viewer) {
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        Directory.Entry competency = directory.find(id, Directory.COMPETENCY, null)
                .orElseThrow(() -> new NoSuchObjectException("competency", id));
        validator.valid(body);
        return commands.sendAndWait(new ReviseCompetency(competency.parentId(), id, body.toContent(),
                FrameworkController.actor(viewer)));
    }
}

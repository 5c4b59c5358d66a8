package org.mastery.curriculum.framework.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.curriculum.framework.domain.DraftFramework;
import org.mastery.curriculum.framework.query.FrameworkView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/frameworks")
public class FrameworkController {

    private final CommandGateway commands;
    private final MongoTemplate mongo;
    private final AccessGuard access;

    public FrameworkController(CommandGateway commands, MongoTemplate mongo, AccessGuard access) {
        this.commands = commands;
        this.mongo = mongo;
        this.access = access;
    }

    public record NewFramework(@NotBlank @Size(max = 200) String title, @Size(max = 100) String subject,
                               @Size(max = 20) String gradeBand) {
    }

    public record FrameworkCreated(String frameworkId, int version, String status) {
    }

    @PostMapping
    public ResponseEntity<FrameworkCreated> create(@Valid @RequestBody NewFramework body, Viewer viewer) {
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        String id = "fw-" + UUID.randomUUID();
        commands.sendAndWait(new DraftFramework(id, body.title(), body.subject(), body.gradeBand(), viewer.id()));
        return ResponseEntity.created(URI.create("/api/frameworks/" + id)).body(new FrameworkCreated(id, 1, "DRAFT"));
    }

    @GetMapping("/{id}")
    public FrameworkView get(@PathVariable String id) {
        FrameworkView view = mongo.findById(id, FrameworkView.class);
        if (view == null) {
            throw new NoSuchObjectException("framework", id);
        }
        return view;
    }
}

package org.mastery.curriculum.roster.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.curriculum.config.InvalidReferenceException;
import org.mastery.curriculum.config.RequestValidator;
import org.mastery.curriculum.directory.query.Directory;
import org.mastery.curriculum.roster.domain.AssignLeader;
import org.mastery.curriculum.roster.domain.Organization;
import org.mastery.curriculum.roster.domain.RegisterOrganization;
import org.mastery.curriculum.roster.domain.UnassignLeader;
import org.mastery.curriculum.roster.query.OrganizationView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Districts and schools and their leaders. Administrators write; leaders of the organisation, auditors and administrators read. */
@RestController
@RequestMapping("/api/roster/organizations")
public class OrganizationController {

    private final CommandGateway commands;
    private final MongoTemplate mongo;
    private final AccessGuard access;
    private final Directory directory;
    private final RequestValidator validator;

    public OrganizationController(CommandGateway commands, MongoTemplate mongo, AccessGuard access, Directory directory,
                                  RequestValidator validator) {
        this.commands = commands;
        this.mongo = mongo;
        this.access = access;
        this.directory = directory;
        this.validator = validator;
    }

    public record OrganizationRequest(@NotBlank @Size(max = 20) String type, @NotBlank @Size(max = 200) String name,
                                      @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String parentOrgId) {
    }

    public record LeaderRequest(@NotBlank @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String leaderId) {
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> register(@RequestBody OrganizationRequest body, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        validator.valid(body);
        if (body.parentOrgId() != null && !body.parentOrgId().isBlank()
                && directory.find(body.parentOrgId(), Directory.ORGANIZATION, Organization.DISTRICT).isEmpty()) {
            throw new InvalidReferenceException("parentOrgId " + body.parentOrgId() + " is not a district");
        }
        String id = "org-" + UUID.randomUUID();
        commands.sendAndWait(new RegisterOrganization(id, body.type(), body.parentOrgId(), body.name()));
        return ResponseEntity.created(URI.create("/api/roster/organizations/" + id)).body(Map.of("orgId", id));
    }

    @GetMapping("/{id}")
    public OrganizationView get(@PathVariable String id, Viewer viewer) {
        access.requireOrganizationReadable(viewer, id);
        OrganizationView view = mongo.findById(id, OrganizationView.class);
        if (view == null) {
            throw new NoSuchObjectException("school", id);
        }
        return view;
    }

    @PostMapping("/{id}/leaders")
    public Map<String, Object> assignLeader(@PathVariable String id, @RequestBody LeaderRequest body, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        requireOrganization(id);
        validator.valid(body);
        if (directory.find(body.leaderId(), Directory.PERSON, "LEADER").isEmpty()) {
            throw new InvalidReferenceException("leaderId " + body.leaderId() + " is not a person registered as a LEADER");
        }
        boolean changed = commands.sendAndWait(new AssignLeader(id, body.leaderId()));
        return Map.of("orgId", id, "leaderId", body.leaderId(), "changed", changed);
    }

    @DeleteMapping("/{id}/leaders/{leaderId}")
    public ResponseEntity<Void> unassignLeader(@PathVariable String id, @PathVariable String leaderId, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        requireOrganization(id);
        if (directory.find(leaderId, Directory.PERSON, "LEADER").isEmpty()) {
            throw new NoSuchObjectException("leader", leaderId);
        }
        commands.sendAndWait(new UnassignLeader(id, leaderId));
        return ResponseEntity.noContent().build();
    }

    private void requireOrganization(String id) {
        if (directory.find(id, Directory.ORGANIZATION, null).isEmpty()) {
            throw new NoSuchObjectException("organisation", id);
        }
    }
}

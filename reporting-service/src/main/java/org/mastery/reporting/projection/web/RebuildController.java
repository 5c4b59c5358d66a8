package org.mastery.reporting.projection.web;

import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.reporting.projection.integration.ProjectionRebuilder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilds every reporting projection from offset zero (ADMIN); the status shows the measured time. */
@RestController
@RequestMapping("/api/reports/admin/rebuild")
public class RebuildController {

    private final ProjectionRebuilder rebuilder;
    private final AccessGuard access;

    public RebuildController(ProjectionRebuilder rebuilder, AccessGuard access) {
        this.rebuilder = rebuilder;
        this.access = access;
    }

    @PostMapping
    public ResponseEntity<ProjectionRebuilder.Status> rebuild(Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        if (!rebuilder.start()) {
            throw new RebuildRunningException();
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuilder.status());
    }

    @GetMapping
    public ProjectionRebuilder.Status status(Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        return rebuilder.status();
    }

    /** 409: one rebuild at a time. */
    public static class RebuildRunningException extends RuntimeException {
        public RebuildRunningException() {
            super("A rebuild is already running; GET /api/reports/admin/rebuild shows its progress");
        }
    }
}

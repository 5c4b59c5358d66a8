package org.mastery.curriculum.framework.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.curriculum.framework.integration.CaseImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/frameworks/import/case}: a 1EdTech CASE 1.0/1.1 CFPackage as JSON. 201 with the
 * new framework, 200 when the package was imported before (nothing is duplicated; changed items
 * are revised). Malformed packages are 400 with the offending path, a cyclic {@code precedes} set 409;
 * in both cases nothing is stored.
 */
@RestController
public class CaseImportController {

    private final CaseImport caseImport;
    private final AccessGuard access;

    public CaseImportController(CaseImport caseImport, AccessGuard access) {
        this.caseImport = caseImport;
        this.access = access;
    }

    @PostMapping(path = "/api/frameworks/import/case", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<CaseImport.Result> importCase(@RequestBody JsonNode body, Viewer viewer) {
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        CaseImport.Result result = caseImport.importPackage(body, FrameworkController.actor(viewer));
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/frameworks/" + result.outcome().frameworkId()))
                .body(result);
    }
}

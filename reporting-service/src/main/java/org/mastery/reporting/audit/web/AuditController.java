package org.mastery.reporting.audit.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.access.disclosure.DisclosesStudentRecord;
import org.mastery.reporting.audit.domain.AuditReadRecorded;
import org.mastery.reporting.audit.query.AuditReports;
import org.mastery.reporting.config.BearerTokens;
import org.mastery.reporting.config.InvalidReportRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit replay and verification, for auditors and admins only; each read is recorded. */
@RestController
@RequestMapping("/api/audit/students/{id}")
public class AuditController {

    private final AuditReports audits;
    private final AccessGuard access;

    public AuditController(AuditReports audits, AccessGuard access) {
        this.audits = audits;
        this.access = access;
    }

    @GetMapping("/history")
    @DisclosesStudentRecord(record = "audit-history", studentIdVariable = "id")
    public ObjectNode history(@PathVariable String id, @RequestParam(required = false) String asOf, Viewer viewer) {
        access.requireRole(viewer, Role.AUDITOR, Role.ADMIN);
        return audits.history(id, parse(asOf), viewer, BearerTokens.current());
    }

    @GetMapping("/verify")
    @DisclosesStudentRecord(record = "audit-verification", studentIdVariable = "id")
    public ObjectNode verify(@PathVariable String id, Viewer viewer) {
        access.requireRole(viewer, Role.AUDITOR, Role.ADMIN);
        return audits.verify(id, viewer, BearerTokens.current());
    }

    public record AuditReadsView(String studentId, List<AuditReadRecorded> reads) {
    }

    @GetMapping("/reads")
    @DisclosesStudentRecord(record = "audit-reads", studentIdVariable = "id")
    public AuditReadsView reads(@PathVariable String id, Viewer viewer) {
        access.requireRole(viewer, Role.AUDITOR, Role.ADMIN);
        return new AuditReadsView(id, audits.reads(id, viewer));
    }

    private static Instant parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new InvalidReportRequestException("asOf must be an ISO-8601 instant such as 2026-11-25T10:15:30Z, got '" + asOf + "'");
        }
    }
}

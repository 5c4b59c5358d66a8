package org.mastery.progression.journey.web;

import java.time.Instant;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.access.disclosure.DisclosesStudentRecord;
import org.mastery.progression.journey.query.JourneyAudit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit endpoints reporting-service calls with the auditor's relayed token (not routed by the
 * gateway): a journey replayed from the event store as of an instant, and its verification.
 */
@RestController
@RequestMapping("/internal/audit/students/{studentId}")
public class AuditController {

    private final AccessGuard access;
    private final JourneyAudit audit;

    public AuditController(AccessGuard access, JourneyAudit audit) {
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/history")
    @DisclosesStudentRecord(record = "audit-history", studentIdVariable = "studentId")
    public JourneyAudit.History history(@PathVariable String studentId, @RequestParam(required = false) Instant asOf,
                                        Viewer viewer) {
        requireAuditor(viewer, studentId);
        return audit.history(studentId, asOf);
    }

    @GetMapping("/verify")
    @DisclosesStudentRecord(record = "audit-verification", studentIdVariable = "studentId")
    public JourneyAudit.Verification verify(@PathVariable String studentId, Viewer viewer) {
        requireAuditor(viewer, studentId);
        return audit.verify(studentId);
    }

    private void requireAuditor(Viewer viewer, String studentId) {
        access.requireRole(viewer, Role.AUDITOR, Role.ADMIN);
        if (!audit.exists(studentId)) {
            throw new NoSuchObjectException("journey", studentId);
        }
    }
}

package org.mastery.reporting.accesslog.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.mastery.access.AccessGuard;
import org.mastery.access.ActionForbiddenException;
import org.mastery.access.Role;
import org.mastery.access.RosterFacts;
import org.mastery.access.Viewer;
import org.mastery.access.disclosure.DisclosesStudentRecord;
import org.mastery.reporting.accesslog.query.AccessLog;
import org.mastery.reporting.config.InvalidReportRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who accessed a student's record (FERPA's record of disclosures): for the student, their guardians,
 * auditors and administrators. A teacher of the student sees the student but not this log (403); anyone
 * who may not see the student at all gets the same 404 as for an unknown student.
 */
@RestController
public class AccessLogController {

    private final AccessLog log;
    private final AccessGuard access;
    private final RosterFacts roster;

    public AccessLogController(AccessLog log, AccessGuard access, RosterFacts roster) {
        this.log = log;
        this.access = access;
        this.roster = roster;
    }

    @GetMapping("/api/reports/students/{id}/access-log")
    @DisclosesStudentRecord(record = "access-log", studentIdVariable = "id")
    public AccessLog.View accessLog(@PathVariable String id, @RequestParam(required = false) String month, Viewer viewer) {
        access.requireStudentReadable(viewer, id);
        boolean guardian = viewer.has(Role.GUARDIAN) && roster.student(id).map(s -> s.guardianIds().contains(viewer.id())).orElse(false);
        if (!viewer.hasAny(Role.ADMIN, Role.AUDITOR) && !access.policy().isStudentThemself(viewer, id) && !guardian) {
            throw new ActionForbiddenException("Only the student, their guardians, auditors and administrators may see who accessed a student's record");
        }
        return log.of(id, parse(month));
    }

    private static Optional<YearMonth> parse(String month) {
        if (month == null || month.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            throw new InvalidReportRequestException("month must be a year and month such as 2026-11");
        }
    }
}

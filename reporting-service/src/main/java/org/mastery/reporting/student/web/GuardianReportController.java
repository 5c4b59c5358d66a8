package org.mastery.reporting.student.web;

import java.util.Set;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.RosterFacts;
import org.mastery.access.Viewer;
import org.mastery.access.disclosure.DisclosesStudentRecord;
import org.mastery.access.disclosure.StudentRecordDisclosures;
import org.mastery.reporting.config.BearerTokens;
import org.mastery.reporting.people.query.PeopleDirectory;
import org.mastery.reporting.student.query.GuardianAssembler;
import org.mastery.reporting.student.query.GuardianView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A guardian's children, in plain language: the guardian themself, admins and auditors only. */
@RestController
public class GuardianReportController {

    private final GuardianAssembler guardians;
    private final RosterFacts roster;
    private final PeopleDirectory people;

    public GuardianReportController(GuardianAssembler guardians, RosterFacts roster, PeopleDirectory people) {
        this.guardians = guardians;
        this.roster = roster;
        this.people = people;
    }

    @GetMapping("/api/reports/guardians/{id}/children")
    @DisclosesStudentRecord(record = "guardian-view")
    public GuardianView children(@PathVariable String id, Viewer viewer) {
        boolean self = viewer.has(Role.GUARDIAN) && viewer.id().equals(id);
        if (!self && !viewer.hasAny(Role.ADMIN, Role.AUDITOR)) {
            throw new NoSuchObjectException("guardian", id);
        }
        Set<String> children = roster.childrenOf(id);
        GuardianView view = guardians.view(id, children, people.names(children, BearerTokens.current()));
        view.children().forEach(child -> StudentRecordDisclosures.add(child.studentId()));
        return view;
    }
}

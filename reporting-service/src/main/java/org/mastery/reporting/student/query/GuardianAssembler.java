package org.mastery.reporting.student.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.mastery.reporting.projection.query.Catalog;
import org.mastery.reporting.projection.query.StudentProgress;

/** The guardian view: each linked child's tracker retold in plain language. */
public class GuardianAssembler {

    private final Catalog catalog;
    private final TrackerAssembler trackers;

    public GuardianAssembler(Catalog catalog, TrackerAssembler trackers) {
        this.catalog = catalog;
        this.trackers = trackers;
    }

    public GuardianView view(String guardianId, Collection<String> childIds, Map<String, String> names) {
        List<GuardianView.Child> children = new ArrayList<>();
        Map<String, StudentProgress> students = catalog.students(childIds);
        for (String childId : childIds.stream().sorted().toList()) {
            StudentProgress student = students.get(childId);
            if (student == null) {
                children.add(new GuardianView.Child(childId, names.get(childId), PlainLanguage.headline(0, 0, 0),
                        List.of(), List.of(), List.of(), List.of(), null));
                continue;
            }
            TrackerView tracker = trackers.assemble(student, names.get(childId));
            List<GuardianView.Skill> skills = new ArrayList<>();
            List<String> needsHelp = new ArrayList<>();
            for (TrackerView.CompetencyView c : tracker.competencies()) {
                String skill = skillName(c);
                skills.add(new GuardianView.Skill(c.competencyId(), skill, PlainLanguage.status(c.state()),
                        PlainLanguage.meaning(c.state(), c.phase() == null ? null : c.phase().label()), c.masteryLooksLike()));
                if (c.openIntervention()) {
                    needsHelp.add(skill);
                }
            }
            List<String> next = tracker.nextSteps().stream().limit(3)
                    .map(s -> s.iCan() != null ? s.iCan() : s.code() != null ? s.code() : "Skill " + s.competencyId()).toList();
            List<GuardianView.Goal> goals = tracker.goals().stream().map(g -> new GuardianView.Goal(
                    tracker.competencies().stream().filter(c -> c.competencyId().equals(g.competencyId())).findFirst()
                            .map(GuardianAssembler::skillName).orElse("a skill"),
                    g.targetDate(), g.achievedAt() != null ? "Reached"
                            : g.targetDate() != null && g.targetDate().isBefore(LocalDate.now()) ? "Target date passed" : "Working on it"))
                    .toList();
            children.add(new GuardianView.Child(childId, names.get(childId),
                    PlainLanguage.headline(tracker.summary().mastered(), tracker.summary().competencies(), needsHelp.size()),
                    skills, needsHelp, next, goals,
                    tracker.peerTutor() ? "Has offered to help classmates with skills they have mastered." : null));
        }
        return new GuardianView(guardianId, children);
    }

    private static String skillName(TrackerView.CompetencyView c) {
        return c.iCan() != null ? c.iCan() : c.statement() != null ? c.statement() : c.code() != null ? c.code() : "Skill " + c.competencyId();
    }
}

package org.mastery.access;

import java.util.Set;

/**
 * The object-level rules. A read of something the viewer may not see must look exactly like a read
 * of something that does not exist (callers answer 404 for both), so that ids cannot be probed.
 */
public final class StudentAccessPolicy {

    private final RosterFacts roster;

    public StudentAccessPolicy(RosterFacts roster) {
        this.roster = roster;
    }

    /** May the viewer read this student's individual data? */
    public boolean canReadStudent(Viewer viewer, String studentId) {
        if (viewer.hasAny(Role.ADMIN, Role.AUDITOR)) {
            return true;
        }
        if (viewer.has(Role.STUDENT) && viewer.id().equals(studentId)) {
            return true;
        }
        var student = roster.student(studentId);
        if (student.isEmpty()) {
            return false;
        }
        if (viewer.has(Role.GUARDIAN) && student.get().guardianIds().contains(viewer.id())) {
            return true;
        }
        return viewer.has(Role.TEACHER) && teaches(viewer.id(), student.get().classIds());
    }

    /** May the viewer act for this student as their teacher (score, override, assign practice)? */
    public boolean canTeachStudent(Viewer viewer, String studentId) {
        if (viewer.has(Role.ADMIN)) {
            return true;
        }
        if (!viewer.has(Role.TEACHER)) {
            return false;
        }
        return roster.student(studentId).map(s -> teaches(viewer.id(), s.classIds())).orElse(false);
    }

    /** May the viewer act as this student (goals, reflections, their own attempts)? */
    public boolean isStudentThemself(Viewer viewer, String studentId) {
        return viewer.has(Role.STUDENT) && viewer.id().equals(studentId);
    }

    /** May the viewer read this class's views (mastery map, interventions, peer tutors)? */
    public boolean canReadClass(Viewer viewer, String classId) {
        if (viewer.hasAny(Role.ADMIN, Role.AUDITOR)) {
            return true;
        }
        return viewer.has(Role.TEACHER) && roster.schoolClass(classId)
                .map(c -> c.teacherIds().contains(viewer.id())).orElse(false);
    }

    /** May the viewer read the aggregates of this school or district? */
    public boolean canReadOrganization(Viewer viewer, String orgId) {
        if (viewer.hasAny(Role.ADMIN, Role.AUDITOR)) {
            return true;
        }
        if (!viewer.has(Role.LEADER)) {
            return false;
        }
        Set<String> led = roster.organizationsLedBy(viewer.id());
        if (led.contains(orgId)) {
            return true;
        }
        // a district leader sees the district's schools
        return roster.parentOrganization(orgId).map(led::contains).orElse(false);
    }

    /** Auditors read everything and change nothing. */
    public boolean canWrite(Viewer viewer) {
        return !viewer.roles().isEmpty() && !(viewer.roles().size() == 1 && viewer.has(Role.AUDITOR));
    }

    private boolean teaches(String teacherId, Set<String> classIds) {
        for (String classId : classIds) {
            if (roster.schoolClass(classId).map(c -> c.teacherIds().contains(teacherId)).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}

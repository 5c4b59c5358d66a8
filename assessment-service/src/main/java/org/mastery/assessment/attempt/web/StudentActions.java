package org.mastery.assessment.attempt.web;

import org.mastery.access.AccessGuard;
import org.mastery.access.ActionForbiddenException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.springframework.stereotype.Component;

/**
 * Who may act on a student's attempts: the student on their own, a teacher of the student's
 * classes, an administrator. Always 404 first when the student is not visible to the viewer, so
 * that ids cannot be probed; auditors write nothing.
 */
@Component
public class StudentActions {

    private final AccessGuard access;

    public StudentActions(AccessGuard access) {
        this.access = access;
    }

    /** Start or submit: the student themself, or a teacher of the student. */
    public void requireStudentOrTeacher(Viewer viewer, String studentId) {
        access.requireStudentReadable(viewer, studentId);
        access.requireWriter(viewer);
        if (access.policy().isStudentThemself(viewer, studentId)) {
            return;
        }
        if (viewer.hasAny(Role.TEACHER, Role.ADMIN)) {
            access.requireStudentTeachable(viewer, studentId);
            return;
        }
        throw new ActionForbiddenException("Only the student or one of their teachers may do this");
    }

    /** Score, rescore, void, observe: a teacher of the student (or an administrator). */
    public void requireTeacher(Viewer viewer, String studentId) {
        access.requireStudentReadable(viewer, studentId);
        access.requireWriter(viewer);
        access.requireStudentTeachable(viewer, studentId);
    }
}

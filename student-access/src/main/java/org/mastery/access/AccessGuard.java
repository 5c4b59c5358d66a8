package org.mastery.access;

/** The rules of {@link StudentAccessPolicy} as checks that throw the right refusal. */
public class AccessGuard {

    private final StudentAccessPolicy policy;

    public AccessGuard(StudentAccessPolicy policy) {
        this.policy = policy;
    }

    public StudentAccessPolicy policy() {
        return policy;
    }

    /** 404 unless the viewer may read the student's data. */
    public void requireStudentReadable(Viewer viewer, String studentId) {
        if (!policy.canReadStudent(viewer, studentId)) {
            throw new NoSuchObjectException("student", studentId);
        }
    }

    /** 404 if the student is not visible; 403 if visible but the viewer is not one of their teachers (or an admin). */
    public void requireStudentTeachable(Viewer viewer, String studentId) {
        requireStudentReadable(viewer, studentId);
        if (!policy.canTeachStudent(viewer, studentId)) {
            throw new ActionForbiddenException("Only a teacher of this student may do this");
        }
    }

    /** 404 if the student is not visible; 403 unless the viewer is the student. */
    public void requireStudentThemself(Viewer viewer, String studentId) {
        requireStudentReadable(viewer, studentId);
        if (!policy.isStudentThemself(viewer, studentId)) {
            throw new ActionForbiddenException("Only the student may do this");
        }
    }

    /** 404 unless the viewer may read the class's views. */
    public void requireClassReadable(Viewer viewer, String classId) {
        if (!policy.canReadClass(viewer, classId)) {
            throw new NoSuchObjectException("class", classId);
        }
    }

    /** 404 unless the viewer may read the organisation's aggregates. */
    public void requireOrganizationReadable(Viewer viewer, String orgId) {
        if (!policy.canReadOrganization(viewer, orgId)) {
            throw new NoSuchObjectException("school", orgId);
        }
    }

    /** 403 for read-only viewers (auditors). */
    public void requireWriter(Viewer viewer) {
        if (!policy.canWrite(viewer)) {
            throw new ActionForbiddenException("Auditors have read-only access");
        }
    }

    /** 403 unless the viewer has one of the roles. */
    public void requireRole(Viewer viewer, Role... roles) {
        if (!viewer.hasAny(roles)) {
            throw new ActionForbiddenException("Your role does not allow this action");
        }
    }
}

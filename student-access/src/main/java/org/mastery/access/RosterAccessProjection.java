package org.mastery.access;

import org.mastery.contracts.roster.ClassCreated;
import org.mastery.contracts.roster.GuardianLinked;
import org.mastery.contracts.roster.GuardianUnlinked;
import org.mastery.contracts.roster.LeaderAssigned;
import org.mastery.contracts.roster.LeaderUnassigned;
import org.mastery.contracts.roster.OrganizationRegistered;
import org.mastery.contracts.roster.StudentEnrolled;
import org.mastery.contracts.roster.StudentRegistered;
import org.mastery.contracts.roster.StudentUnenrolled;
import org.mastery.contracts.roster.TeacherAssigned;
import org.mastery.contracts.roster.TeacherUnassigned;

/** Keeps {@link MongoRosterFacts} up to date from the roster contract events. */
public class RosterAccessProjection {

    private final MongoRosterFacts facts;

    public RosterAccessProjection(MongoRosterFacts facts) {
        this.facts = facts;
    }

    /** Applies one roster event (any contract record of {@code org.mastery.contracts.roster}); others are ignored. */
    public void apply(Object event) {
        if (event instanceof OrganizationRegistered e) {
            facts.setOrganizationParent(e.orgId(), e.parentOrgId());
        } else if (event instanceof LeaderAssigned e) {
            facts.addToPerson(e.leaderId(), "ledOrgIds", e.orgId());
        } else if (event instanceof LeaderUnassigned e) {
            facts.removeFromPerson(e.leaderId(), "ledOrgIds", e.orgId());
        } else if (event instanceof ClassCreated e) {
            facts.setClassSchool(e.classId(), e.schoolId());
        } else if (event instanceof TeacherAssigned e) {
            facts.addToClass(e.classId(), "teacherIds", e.teacherId());
            facts.addToPerson(e.teacherId(), "taughtClassIds", e.classId());
        } else if (event instanceof TeacherUnassigned e) {
            facts.removeFromClass(e.classId(), "teacherIds", e.teacherId());
            facts.removeFromPerson(e.teacherId(), "taughtClassIds", e.classId());
        } else if (event instanceof StudentRegistered e) {
            facts.setStudentSchool(e.studentId(), e.schoolId());
        } else if (event instanceof StudentEnrolled e) {
            facts.addToStudent(e.studentId(), "classIds", e.classId());
            facts.addToClass(e.classId(), "studentIds", e.studentId());
        } else if (event instanceof StudentUnenrolled e) {
            facts.removeFromStudent(e.studentId(), "classIds", e.classId());
            facts.removeFromClass(e.classId(), "studentIds", e.studentId());
        } else if (event instanceof GuardianLinked e) {
            facts.addToStudent(e.studentId(), "guardianIds", e.guardianId());
            facts.addToPerson(e.guardianId(), "childIds", e.studentId());
        } else if (event instanceof GuardianUnlinked e) {
            facts.removeFromStudent(e.studentId(), "guardianIds", e.guardianId());
            facts.removeFromPerson(e.guardianId(), "childIds", e.studentId());
        }
        // anything else is not an access fact (e.g. PersonalDataErased: ids and links stay)
    }
}

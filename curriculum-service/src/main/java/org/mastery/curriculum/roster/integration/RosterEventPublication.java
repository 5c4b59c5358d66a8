package org.mastery.curriculum.roster.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.mastery.contracts.roster.RosterEventType;
import org.mastery.curriculum.roster.domain.ClassCreated;
import org.mastery.curriculum.roster.domain.GuardianLinked;
import org.mastery.curriculum.roster.domain.GuardianUnlinked;
import org.mastery.curriculum.roster.domain.LeaderAssigned;
import org.mastery.curriculum.roster.domain.LeaderUnassigned;
import org.mastery.curriculum.roster.domain.OrganizationRegistered;
import org.mastery.curriculum.roster.domain.PersonRegistered;
import org.mastery.curriculum.roster.domain.PersonalDataErased;
import org.mastery.curriculum.roster.domain.StudentEnrolled;
import org.mastery.curriculum.roster.domain.StudentUnenrolled;
import org.mastery.curriculum.roster.domain.TeacherAssigned;
import org.mastery.curriculum.roster.domain.TeacherUnassigned;
import org.mastery.kit.publication.EventPublicationMapper;
import org.mastery.kit.publication.PublishedEvent;
import org.springframework.stereotype.Component;

/**
 * Roster events to their contract form: organisations and leaders on {@code roster.organizations.v1}
 * (key org id), classes and teachers on {@code roster.classes.v1} (key class id), students, enrolments
 * and guardians on {@code roster.enrollments.v1} (key and subject: the student id; an erasure is keyed
 * by the person id). Ids only: personal data never leaves the service in an event. Registering a
 * teacher, guardian or leader publishes nothing (the contract has no such event; they appear through
 * their assignments and links).
 */
@Component
public class RosterEventPublication implements EventPublicationMapper {

    @Override
    public Optional<PublishedEvent> map(EventMessage<?> event) {
        Object p = event.getPayload();
        if (p instanceof OrganizationRegistered e) {
            return of(RosterEventType.ORGANIZATION_REGISTERED, e.orgId(), null,
                    new org.mastery.contracts.roster.OrganizationRegistered(e.orgId(), e.type(), e.parentOrgId(), e.name()));
        }
        if (p instanceof LeaderAssigned e) {
            return of(RosterEventType.LEADER_ASSIGNED, e.orgId(), null,
                    new org.mastery.contracts.roster.LeaderAssigned(e.orgId(), e.leaderId()));
        }
        if (p instanceof LeaderUnassigned e) {
            return of(RosterEventType.LEADER_UNASSIGNED, e.orgId(), null,
                    new org.mastery.contracts.roster.LeaderUnassigned(e.orgId(), e.leaderId()));
        }
        if (p instanceof ClassCreated e) {
            return of(RosterEventType.CLASS_CREATED, e.classId(), null,
                    new org.mastery.contracts.roster.ClassCreated(e.classId(), e.schoolId(), e.courseId(), e.title(), e.term()));
        }
        if (p instanceof TeacherAssigned e) {
            return of(RosterEventType.TEACHER_ASSIGNED, e.classId(), null,
                    new org.mastery.contracts.roster.TeacherAssigned(e.classId(), e.teacherId()));
        }
        if (p instanceof TeacherUnassigned e) {
            return of(RosterEventType.TEACHER_UNASSIGNED, e.classId(), null,
                    new org.mastery.contracts.roster.TeacherUnassigned(e.classId(), e.teacherId()));
        }
        if (p instanceof PersonRegistered e) {
            if (!"STUDENT".equals(e.role())) {
                return Optional.empty();
            }
            return of(RosterEventType.STUDENT_REGISTERED, e.personId(), e.personId(),
                    new org.mastery.contracts.roster.StudentRegistered(e.personId(), e.schoolId(), e.gradeLevel()));
        }
        if (p instanceof StudentEnrolled e) {
            return of(RosterEventType.STUDENT_ENROLLED, e.studentId(), e.studentId(),
                    new org.mastery.contracts.roster.StudentEnrolled(e.studentId(), e.classId()));
        }
        if (p instanceof StudentUnenrolled e) {
            return of(RosterEventType.STUDENT_UNENROLLED, e.studentId(), e.studentId(),
                    new org.mastery.contracts.roster.StudentUnenrolled(e.studentId(), e.classId()));
        }
        if (p instanceof GuardianLinked e) {
            return of(RosterEventType.GUARDIAN_LINKED, e.studentId(), e.studentId(),
                    new org.mastery.contracts.roster.GuardianLinked(e.studentId(), e.guardianId(), e.relationship()));
        }
        if (p instanceof GuardianUnlinked e) {
            return of(RosterEventType.GUARDIAN_UNLINKED, e.studentId(), e.studentId(),
                    new org.mastery.contracts.roster.GuardianUnlinked(e.studentId(), e.guardianId()));
        }
        if (p instanceof PersonalDataErased e) {
            return of(RosterEventType.PERSONAL_DATA_ERASED, e.personId(), e.personId(),
                    new org.mastery.contracts.roster.PersonalDataErased(e.personId(), e.role(), e.erasedAt()));
        }
        return Optional.empty();
    }

    private static Optional<PublishedEvent> of(RosterEventType type, String key, String subject, Object data) {
        return Optional.of(new PublishedEvent(type.topic(), key, type.type(), subject, type.version(), data));
    }
}

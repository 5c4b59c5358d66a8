package org.mastery.curriculum.roster.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A class (section) of a school, taught from a course, with its teachers and enrolled students.
 * Commands are idempotent: enrolling an enrolled student changes nothing, so re-imports and retries
 * are harmless. That the school, course and people exist is checked by the caller against the
 * directory before dispatch.
 */
@Aggregate
public class SchoolClass {

    @AggregateIdentifier
    private String classId;
    private final Set<String> teacherIds = new HashSet<>();
    private final Set<String> studentIds = new HashSet<>();

    protected SchoolClass() {
        // for Axon
    }

    @CommandHandler
    public SchoolClass(CreateClass command, Clock clock) {
        apply(new ClassCreated(command.classId(), Fields.required(command.schoolId(), "schoolId", 100),
                Fields.required(command.courseId(), "courseId", 100), Fields.required(command.title(), "title", 200),
                Fields.optional(command.term(), "term", 100), clock.instant()));
    }

    @CommandHandler
    public boolean handle(AssignTeacher command, Clock clock) {
        if (teacherIds.contains(command.teacherId())) {
            return false;
        }
        apply(new TeacherAssigned(classId, Fields.required(command.teacherId(), "teacherId", 100), clock.instant()));
        return true;
    }

    @CommandHandler
    public boolean handle(UnassignTeacher command, Clock clock) {
        if (!teacherIds.contains(command.teacherId())) {
            return false;
        }
        apply(new TeacherUnassigned(classId, command.teacherId(), clock.instant()));
        return true;
    }

    @CommandHandler
    public boolean handle(EnrollStudent command, Clock clock) {
        if (studentIds.contains(command.studentId())) {
            return false;
        }
        apply(new StudentEnrolled(classId, Fields.required(command.studentId(), "studentId", 100), clock.instant()));
        return true;
    }

    @CommandHandler
    public boolean handle(UnenrollStudent command, Clock clock) {
        if (!studentIds.contains(command.studentId())) {
            return false;
        }
        apply(new StudentUnenrolled(classId, command.studentId(), clock.instant()));
        return true;
    }

    @EventSourcingHandler
    void on(ClassCreated event) {
        classId = event.classId();
    }

    @EventSourcingHandler
    void on(TeacherAssigned event) {
        teacherIds.add(event.teacherId());
    }

    @EventSourcingHandler
    void on(TeacherUnassigned event) {
        teacherIds.remove(event.teacherId());
    }

    @EventSourcingHandler
    void on(StudentEnrolled event) {
        studentIds.add(event.studentId());
    }

    @EventSourcingHandler
    void on(StudentUnenrolled event) {
        studentIds.remove(event.studentId());
    }
}

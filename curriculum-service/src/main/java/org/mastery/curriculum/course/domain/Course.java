package org.mastery.curriculum.course.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A course groups competencies (from one or more frameworks) and carries credits, earned when every
 * competency is mastered; classes (sections) are taught from it. Each change is a new version.
 * That the competencies exist is checked by the caller against the directory before dispatch.
 */
@Aggregate
public class Course {

    @AggregateIdentifier
    private String courseId;
    private int version;
    private CourseContent content;

    protected Course() {
        // for Axon
    }

    @CommandHandler
    public Course(DefineCourse command, Clock clock) {
        apply(new CourseDefined(command.courseId(), 1, command.content().normalized(), clock.instant()));
    }

    /** Answers the version in force afterwards. */
    @CommandHandler
    public int handle(ReviseCourse command, Clock clock) {
        CourseContent revised = command.content().normalized();
        if (revised.equals(content)) {
            return version;
        }
        apply(new CourseRevised(courseId, version + 1, version, revised, clock.instant()));
        return version;
    }

    @EventSourcingHandler
    void on(CourseDefined event) {
        courseId = event.courseId();
        version = event.version();
        content = event.content();
    }

    @EventSourcingHandler
    void on(CourseRevised event) {
        version = event.version();
        content = event.content();
    }
}

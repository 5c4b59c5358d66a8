package org.mastery.curriculum.course.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mastery.curriculum.course.domain.CourseContent;
import org.mastery.curriculum.course.domain.CourseDefined;
import org.mastery.curriculum.course.domain.CourseRevised;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@link CourseView} from the course events; a save by id makes redelivery harmless. */
@Component
@ProcessingGroup("course-projection")
public class CourseProjection {

    private final MongoTemplate mongo;

    public CourseProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(CourseDefined e) {
        save(e.courseId(), e.version(), e.content(), e.definedAt());
    }

    @EventHandler
    void on(CourseRevised e) {
        save(e.courseId(), e.version(), e.content(), e.revisedAt());
    }

    private void save(String id, int version, CourseContent c, java.time.Instant at) {
        mongo.save(new CourseView(id, version, c.code(), c.title(), c.subject(), c.credits(), c.competencyIds(), at));
    }
}

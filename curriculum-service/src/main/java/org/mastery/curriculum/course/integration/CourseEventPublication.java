package org.mastery.curriculum.course.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.mastery.contracts.curriculum.CourseDefinition;
import org.mastery.contracts.curriculum.CurriculumEventType;
import org.mastery.curriculum.course.domain.CourseContent;
import org.mastery.curriculum.course.domain.CourseDefined;
import org.mastery.curriculum.course.domain.CourseRevised;
import org.mastery.kit.publication.EventPublicationMapper;
import org.mastery.kit.publication.PublishedEvent;
import org.springframework.stereotype.Component;

/** Course events to {@code curriculum.courses.v1}, keyed by course id, each carrying the whole course version. */
@Component
public class CourseEventPublication implements EventPublicationMapper {

    @Override
    public Optional<PublishedEvent> map(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof CourseDefined e) {
            CurriculumEventType type = CurriculumEventType.COURSE_DEFINED;
            return Optional.of(new PublishedEvent(type.topic(), e.courseId(), type.type(), null, type.version(),
                    new org.mastery.contracts.curriculum.CourseDefined(definition(e.courseId(), e.version(), e.content()))));
        }
        if (payload instanceof CourseRevised e) {
            CurriculumEventType type = CurriculumEventType.COURSE_REVISED;
            return Optional.of(new PublishedEvent(type.topic(), e.courseId(), type.type(), null, type.version(),
                    new org.mastery.contracts.curriculum.CourseRevised(definition(e.courseId(), e.version(), e.content()),
                            e.previousVersion())));
        }
        return Optional.empty();
    }

    private static CourseDefinition definition(String courseId, int version, CourseContent c) {
        return new CourseDefinition(courseId, version, c.code(), c.title(), c.subject(), c.credits(), c.competencyIds());
    }
}

package org.mastery.curriculum.framework.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.curriculum.framework.domain.FrameworkDrafted;
import org.mastery.kit.publication.EventPublicationMapper;
import org.mastery.kit.publication.PublishedEvent;
import org.springframework.stereotype.Component;

/** Internal framework events to their contract form on {@code curriculum.frameworks.v1}. */
@Component
public class FrameworkEventPublication implements EventPublicationMapper {

    @Override
    public Optional<PublishedEvent> map(EventMessage<?> event) {
        if (event.getPayload() instanceof FrameworkDrafted e) {
            var contract = new org.mastery.contracts.curriculum.FrameworkDrafted(e.frameworkId(), e.version(), e.title(),
                    e.subject(), e.gradeBand(), null, e.authorId());
            return Optional.of(new PublishedEvent(CurriculumTopics.FRAMEWORKS, e.frameworkId(),
                    org.mastery.contracts.curriculum.FrameworkDrafted.TYPE, null, 1, contract));
        }
        return Optional.empty();
    }
}

package org.mastery.curriculum.framework.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mastery.curriculum.framework.domain.FrameworkDrafted;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@link FrameworkView} documents from the framework events; saving by id makes replays harmless. */
@Component
@ProcessingGroup("framework-projection")
public class FrameworkProjection {

    private final MongoTemplate mongo;

    public FrameworkProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(FrameworkDrafted event) {
        mongo.save(new FrameworkView(event.frameworkId(), event.version(), "DRAFT", event.title(), event.subject(),
                event.gradeBand(), event.authorId(), event.draftedAt()));
    }
}

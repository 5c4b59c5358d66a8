package org.mastery.curriculum.framework.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A competency framework: versioned, authored as a draft, published immutable. */
@Aggregate
public class Framework {

    @AggregateIdentifier
    private String frameworkId;
    private int version;

    protected Framework() {
        // for Axon
    }

    @CommandHandler
    public Framework(DraftFramework command, Clock clock) {
        if (command.title() == null || command.title().isBlank()) {
            throw new IllegalArgumentException("a framework needs a title");
        }
        apply(new FrameworkDrafted(command.frameworkId(), 1, command.title().strip(), command.subject(),
                command.gradeBand(), command.authorId(), clock.instant()));
    }

    @EventSourcingHandler
    void on(FrameworkDrafted event) {
        frameworkId = event.frameworkId();
        version = event.version();
    }
}

package org.mastery.kit.testapp;

import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.mastery.kit.publication.EventPublicationMapper;
import org.mastery.kit.publication.PublishedEvent;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A one-aggregate service that exercises the kit the way the real services use it. */
@SpringBootApplication
public class KitTestApplication {

    public static final String TOPIC = "kittest.counters.v1";

    public record OpenCounter(@TargetAggregateIdentifier String counterId, String studentId) {
    }

    public record IncrementCounter(@TargetAggregateIdentifier String counterId) {
    }

    public record CounterOpened(String counterId, String studentId) {
    }

    public record CounterIncremented(String counterId, String studentId, long value) {
    }

    @Aggregate
    public static class Counter {
        @AggregateIdentifier
        private String counterId;
        private String studentId;
        private long value;

        protected Counter() {
        }

        @CommandHandler
        public Counter(OpenCounter command) {
            apply(new CounterOpened(command.counterId(), command.studentId()));
        }

        /** Answers the value after the increment. */
        @CommandHandler
        public long handle(IncrementCounter command) {
            apply(new CounterIncremented(counterId, studentId, value + 1));
            return value;
        }

        @EventSourcingHandler
        void on(CounterOpened event) {
            counterId = event.counterId();
            studentId = event.studentId();
        }

        @EventSourcingHandler
        void on(CounterIncremented event) {
            value = event.value();
        }
    }

    @Bean
    EventPublicationMapper counterEvents() {
        return event -> event.getPayload() instanceof CounterIncremented incremented
                ? Optional.of(new PublishedEvent(TOPIC, incremented.studentId(), "kittest.CounterIncremented",
                        incremented.studentId(), 1, incremented))
                : Optional.empty();
    }
}

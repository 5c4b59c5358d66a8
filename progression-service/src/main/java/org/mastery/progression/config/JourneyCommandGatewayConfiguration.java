package org.mastery.progression.config;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.mastery.kit.eventstore.ConcurrencyRetryScheduler;
import org.mastery.kit.web.CorrelationIdDispatchInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The kit's retrying command gateway, plus one more lost race: two writers creating the same journey at
 * once (a student's first goal and first evidence arriving together). The loser's insert of sequence 0
 * surfaces as {@link AggregateStreamCreationException}, not a concurrency conflict; retried, it finds the
 * journey and appends to it.
 */
@Configuration
public class JourneyCommandGatewayConfiguration {

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                         @Value("${mastery.commands.max-retries:8}") int maxRetries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(retries(commandRetryExecutor, maxRetries))
                .dispatchInterceptors(new CorrelationIdDispatchInterceptor())
                .build();
    }

    /** Retries lost append races (the kit's rule) and lost journey-creation races. */
    public static RetryScheduler retries(ScheduledExecutorService commandRetryExecutor, int maxRetries) {
        RetryScheduler concurrency = new ConcurrencyRetryScheduler(commandRetryExecutor, maxRetries, 20);
        return (CommandMessage command, RuntimeException failure, List<Class<? extends Throwable>[]> failures,
                Runnable dispatch) -> {
            if (concurrency.scheduleRetry(command, failure, failures, dispatch)) {
                return true;
            }
            if (lostCreationRace(failure) && failures.size() <= maxRetries) {
                commandRetryExecutor.schedule(dispatch, 10 + ThreadLocalRandom.current().nextLong(20), TimeUnit.MILLISECONDS);
                return true;
            }
            return false;
        };
    }

    static boolean lostCreationRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

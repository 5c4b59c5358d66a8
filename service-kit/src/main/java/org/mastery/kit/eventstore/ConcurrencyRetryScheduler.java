package org.mastery.kit.eventstore;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a command only when it lost a race with another writer of the same aggregate: an
 * optimistic-concurrency conflict (another writer appended first), or a lost creation race (two
 * writers creating the same aggregate at once; retried, the command finds it and appends to it,
 * as create-if-missing handlers do). Business refusals are never retried: they would only fail again.
 *
 * <p>The back-off doubles with every lost race, up to a cap, with jitter in the upper half of each
 * step. A linear back-off let a writer on one instance lose every race against a busy writer on
 * another instance and give up after well under a second; doubling outlasts such a burst.
 */
public class ConcurrencyRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final long baseDelayMillis;
    private final long maxDelayMillis;

    public ConcurrencyRetryScheduler(ScheduledExecutorService executor, int maxRetries, long baseDelayMillis,
                                     long maxDelayMillis) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.baseDelayMillis = baseDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!isConcurrencyFailure(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        long delay = delayBeforeRetry(failures.size(), ThreadLocalRandom.current().nextDouble());
        log.debug("Retrying {} in {} ms after a concurrent write (attempt {})",
                commandMessage.getCommandName(), delay, failures.size());
        executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    /**
     * The wait before retry number {@code attempt} (1 for the first retry): between half and all of
     * {@code base × 2^(attempt−1)}, never more than the cap; {@code random} in [0, 1) picks the point.
     */
    long delayBeforeRetry(int attempt, double random) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long step = Math.min(maxDelayMillis, baseDelayMillis << doublings);
        return step / 2 + (long) (random * (step - step / 2));
    }

    public static boolean isConcurrencyFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}

package org.mastery.kit.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyRetrySchedulerTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConcurrencyRetryScheduler scheduler = new ConcurrencyRetryScheduler(executor, 10, 20, 1000);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void theWaitDoublesWithEveryLostRaceUpToTheCap() {
        assertThat(scheduler.delayBeforeRetry(1, 0.0)).isEqualTo(10);
        assertThat(scheduler.delayBeforeRetry(1, 0.999)).isBetween(19L, 20L);
        assertThat(scheduler.delayBeforeRetry(2, 0.0)).isEqualTo(20);
        assertThat(scheduler.delayBeforeRetry(4, 0.0)).isEqualTo(80);
        assertThat(scheduler.delayBeforeRetry(6, 0.999)).isBetween(639L, 640L);
        assertThat(scheduler.delayBeforeRetry(7, 0.0)).isEqualTo(500);
        assertThat(scheduler.delayBeforeRetry(7, 0.999)).isBetween(999L, 1000L);
        assertThat(scheduler.delayBeforeRetry(60, 0.999)).isBetween(999L, 1000L);
    }

    @Test
    void allRetriesTogetherOutlastSeveralSecondsOfContention() {
        long leastTotal = 0;
        for (int attempt = 1; attempt <= 10; attempt++) {
            leastTotal += scheduler.delayBeforeRetry(attempt, 0.0);
        }
        // a linear 20 ms step gave up after 0.7 s at the least; a writer busy for a few seconds outlasted it
        assertThat(leastTotal).isGreaterThanOrEqualTo(2_500);
    }

    @Test
    void onlyLostRacesAreRetriedAndOnlyUpToTheLimit() {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        var command = GenericCommandMessage.asCommandMessage("record");
        failures.add(failure());
        assertThat(scheduler.scheduleRetry(command, new IllegalStateException("refused"), failures, () -> { }))
                .as("a business refusal would only fail again").isFalse();
        assertThat(scheduler.scheduleRetry(command, new ConcurrencyException("lost"), failures, () -> { })).isTrue();
        assertThat(scheduler.scheduleRetry(command, new RuntimeException(new ConcurrencyException("wrapped")),
                failures, () -> { })).isTrue();
        while (failures.size() <= 10) {
            failures.add(failure());
        }
        assertThat(scheduler.scheduleRetry(command, new ConcurrencyException("lost"), failures, () -> { })).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Throwable>[] failure() {
        return new Class[] {ConcurrencyException.class};
    }
}

package org.mastery.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One process of the platform, as the launcher drives it. Implementations are thread-safe. */
interface Component {

    Part part();

    /** Launches the process; returns without waiting for it to be ready. */
    void launch();

    /** Waits until the process answers (or fails with its log's last lines if it exits or the deadline passes). */
    void awaitReady(Instant deadline);

    /** Graceful stop (SIGTERM, or {@code pg_ctl stop -m fast}); forcible after a grace period. Idempotent. */
    void stop();

    /** SIGKILL, no chance to clean up. */
    void kill9();

    boolean isRunning();

    Optional<Long> pid();

    /** Every pid that belongs to this part (PostgreSQL has a process per connection). */
    default List<Long> pids() {
        return pid().map(List::of).orElse(List.of());
    }

    /** Launch to ready, for the latest start. */
    Optional<Duration> startupTime();

    /** CPU time the process used from launch to ready (user + system), where known. */
    default Optional<Duration> startupCpu() {
        return Optional.empty();
    }
}

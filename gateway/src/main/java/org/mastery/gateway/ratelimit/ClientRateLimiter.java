package org.mastery.gateway.ratelimit;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One in-memory token bucket per client key (no Redis: one gateway instance counts its own traffic;
 * with N instances behind a balancer a client gets up to N times the limit). At most
 * {@code maxClients} buckets are kept: when there are more, buckets that have filled up again are
 * forgotten (forgetting a full bucket changes nothing). If every bucket is still in use, the next
 * sweep waits until another tenth of {@code maxClients} has arrived, so sweeps stay rare.
 */
public class ClientRateLimiter {

    /** The answer for one request. {@code retryAfterSeconds} is at least 1 when refused. */
    public record Outcome(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    private final long capacity;
    private final double refillPerSecond;
    private final int maxClients;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private volatile int sweepAt;

    public ClientRateLimiter(long capacity, double refillPerSecond, int maxClients, LongSupplier nanoClock) {
        if (capacity < 1 || refillPerSecond <= 0 || maxClients < 1) {
            throw new IllegalArgumentException("capacity, refill rate and client count must be positive");
        }
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.maxClients = maxClients;
        this.clock = nanoClock;
        this.sweepAt = maxClients;
    }

    public long capacity() {
        return capacity;
    }

    public Outcome tryAcquire(String clientKey) {
        long now = clock.getAsLong();
        if (buckets.size() >= sweepAt && !buckets.containsKey(clientKey)) {
            sweep(now);
        }
        TokenBucket bucket = buckets.computeIfAbsent(clientKey, k -> new TokenBucket(capacity, refillPerSecond, now));
        TokenBucket.Decision decision = bucket.tryTake(now);
        if (decision.allowed()) {
            return new Outcome(true, decision.remaining(), 0L);
        }
        long seconds = Math.max(1L, (decision.waitNanos() + 999_999_999L) / 1_000_000_000L);
        return new Outcome(false, 0L, seconds);
    }

    int trackedClients() {
        return buckets.size();
    }

    private synchronized void sweep(long now) {
        if (buckets.size() < sweepAt) {
            return; // another thread just swept
        }
        for (Iterator<TokenBucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().isFull(now)) {
                it.remove();
            }
        }
        sweepAt = Math.max(maxClients, buckets.size() + Math.max(1, maxClients / 10));
    }
}

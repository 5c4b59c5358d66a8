package org.mastery.gateway.ratelimit;

/**
 * A token bucket: holds at most {@code capacity} tokens, refilled continuously at
 * {@code refillPerSecond}; each request takes one. Plain Java, driven by the caller's clock.
 */
final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long last;

    TokenBucket(long capacity, double refillPerSecond, long nowNanos) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1_000_000_000d;
        this.tokens = capacity;
        this.last = nowNanos;
    }

    /** Takes one token if there is one; otherwise says how long until there will be. */
    synchronized Decision tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1d) {
            tokens -= 1d;
            return new Decision(true, (long) Math.floor(tokens), 0L);
        }
        long waitNanos = (long) Math.ceil((1d - tokens) / refillPerNano);
        return new Decision(false, 0L, waitNanos);
    }

    /** True when the bucket is full again, i.e. forgetting it changes nothing. */
    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - last;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            last = nowNanos;
        }
    }

    /** The outcome of one request: allowed, tokens left, or nanoseconds until the next token. */
    record Decision(boolean allowed, long remaining, long waitNanos) {
    }
}

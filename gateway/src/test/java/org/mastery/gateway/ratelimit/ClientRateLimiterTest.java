package org.mastery.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket per client, driven by a hand-moved clock. */
class ClientRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(42 * SECOND);

    @Test
    void aBurstUpToCapacityIsAllowedThenRefusedWithTheWaitUntilTheNextToken() {
        ClientRateLimiter limiter = new ClientRateLimiter(3, 0.5, 100, clock::get); // one token per 2 s

        assertThat(limiter.tryAcquire("sub:a")).isEqualTo(new ClientRateLimiter.Outcome(true, 2, 0));
        assertThat(limiter.tryAcquire("sub:a")).isEqualTo(new ClientRateLimiter.Outcome(true, 1, 0));
        assertThat(limiter.tryAcquire("sub:a")).isEqualTo(new ClientRateLimiter.Outcome(true, 0, 0));
        assertThat(limiter.tryAcquire("sub:a")).isEqualTo(new ClientRateLimiter.Outcome(false, 0, 2));

        clock.addAndGet(SECOND); // half a token: still refused, one more second to wait
        assertThat(limiter.tryAcquire("sub:a")).isEqualTo(new ClientRateLimiter.Outcome(false, 0, 1));
        clock.addAndGet(SECOND);
        assertThat(limiter.tryAcquire("sub:a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("sub:a").allowed()).isFalse();
    }

    @Test
    void retryAfterRoundsUpToWholeSecondsAndIsNeverZero() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 3, 100, clock::get); // a token per 333 ms
        assertThat(limiter.tryAcquire("ip:10.0.0.1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("ip:10.0.0.1").retryAfterSeconds()).isEqualTo(1);

        ClientRateLimiter slow = new ClientRateLimiter(1, 0.1, 100, clock::get); // a token per 10 s
        slow.tryAcquire("ip:10.0.0.1");
        clock.addAndGet(SECOND / 2);
        assertThat(slow.tryAcquire("ip:10.0.0.1").retryAfterSeconds()).isEqualTo(10); // 9.5 s -> 10
    }

    @Test
    void theBucketNeverHoldsMoreThanItsCapacity() {
        ClientRateLimiter limiter = new ClientRateLimiter(2, 10, 100, clock::get);
        clock.addAndGet(3600 * SECOND);
        assertThat(limiter.tryAcquire("sub:a").allowed()).isTrue();
        clock.addAndGet(3600 * SECOND);
        assertThat(limiter.tryAcquire("sub:a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("sub:a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("sub:a").allowed()).isFalse();
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 100, clock::get);
        assertThat(limiter.tryAcquire("sub:a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("sub:a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("sub:b").allowed()).isTrue();
        assertThat(limiter.tryAcquire("ip:127.0.0.1").allowed()).isTrue();
    }

    @Test
    void atTheClientBoundFullBucketsAreForgottenButBusyOnesKept() {
        ClientRateLimiter limiter = new ClientRateLimiter(2, 1, 3, clock::get);
        limiter.tryAcquire("sub:busy");
        limiter.tryAcquire("sub:busy"); // empty bucket
        limiter.tryAcquire("sub:idle1");
        limiter.tryAcquire("sub:idle2");
        clock.addAndGet(SECOND); // idle ones are full again, busy has one token of two
        assertThat(limiter.trackedClients()).isEqualTo(3);

        limiter.tryAcquire("sub:new");

        assertThat(limiter.trackedClients()).isEqualTo(2); // busy + new
        // busy's state survived the sweep: one token left, then refused
        assertThat(limiter.tryAcquire("sub:busy").allowed()).isTrue();
        assertThat(limiter.tryAcquire("sub:busy").allowed()).isFalse();
    }

    @Test
    void nonsensicalLimitsAreRejected() {
        assertThatThrownBy(() -> new ClientRateLimiter(0, 1, 1, clock::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientRateLimiter(1, 0, 1, clock::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientRateLimiter(1, 1, 0, clock::get)).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.mastery.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    /** The issuer's decoder as the cache sees it: counts its checks, accepts tokens named "good-…". */
    static final class CountingDecoder implements JwtDecoder {
        final List<String> checked = new ArrayList<>();
        Duration lifetime = Duration.ofMinutes(60);

        @Override
        public Jwt decode(String token) {
            checked.add(token);
            if (!token.startsWith("good-")) {
                throw new BadJwtException("signature does not verify");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject(token)
                    .issuedAt(NOW).expiresAt(NOW.plus(lifetime)).build();
        }
    }

    final CountingDecoder issuer = new CountingDecoder();
    final MutableClock clock = new MutableClock();
    final VerifiedTokenCache cache = new VerifiedTokenCache(issuer, 2, Duration.ofMinutes(5), clock);

    @Test
    void aVerifiedTokenIsNotVerifiedAgainUntilMaxAge() {
        assertThat(cache.decode("good-a").getSubject()).isEqualTo("good-a");
        clock.now = NOW.plusSeconds(299);
        assertThat(cache.decode("good-a").getSubject()).isEqualTo("good-a");
        assertThat(issuer.checked).containsExactly("good-a");
        clock.now = NOW.plusSeconds(300);
        cache.decode("good-a");
        assertThat(issuer.checked).as("checked again after max-age").containsExactly("good-a", "good-a");
    }

    @Test
    void aTokenIsRememberedNoLongerThanItIsValid() {
        issuer.lifetime = Duration.ofSeconds(30);
        cache.decode("good-short");
        clock.now = NOW.plusSeconds(30);
        cache.decode("good-short");
        assertThat(issuer.checked).as("at its expiry the issuer's decoder decides again").hasSize(2);
    }

    @Test
    void aRefusedTokenIsNeverRememberedAndOnlyTheExactTokenCounts() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        cache.decode("good-b");
        assertThatThrownBy(() -> cache.decode("tampered-good-b")).isInstanceOf(BadJwtException.class);
        assertThat(issuer.checked).containsExactly("forged", "forged", "good-b", "tampered-good-b");
    }

    @Test
    void theLeastRecentlyUsedTokenIsForgottenBeyondCapacity() {
        cache.decode("good-1");
        cache.decode("good-2");
        cache.decode("good-1");
        cache.decode("good-3");
        cache.decode("good-1");
        cache.decode("good-2");
        assertThat(issuer.checked).containsExactly("good-1", "good-2", "good-3", "good-2");
    }

    static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package org.mastery.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it has verified, so that a client's next requests with
 * the same token skip the RSA signature check (the bulk of the cost of a request's authentication).
 *
 * <p>Only the exact token string that passed the full check is remembered, and only until the earlier
 * of its expiry and {@code maxAge} after the check: a key the identity provider withdraws stops being
 * honoured within {@code maxAge}. A token that fails is never remembered. The least recently used
 * tokens are forgotten beyond {@code capacity}.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder delegate;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Verified> verified;

    private record Verified(Jwt jwt, Instant until) {
    }

    public VerifiedTokenCache(JwtDecoder delegate, int capacity, Duration maxAge, Clock clock) {
        this.delegate = delegate;
        this.maxAge = maxAge;
        this.clock = clock;
        this.verified = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        synchronized (verified) {
            Verified known = verified.get(token);
            if (known != null) {
                if (now.isBefore(known.until())) {
                    return known.jwt();
                }
                verified.remove(token);
            }
        }
        Jwt jwt = delegate.decode(token);
        Instant until = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        synchronized (verified) {
            verified.put(token, new Verified(jwt, until));
        }
        return jwt;
    }
}

package org.mastery.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings ({@code mastery.gateway.*}). Routes themselves live in
 * {@code spring.cloud.gateway.server.webflux.routes}; their per-route knobs (service name, timeouts,
 * request size) are route metadata.
 */
@Validated
@ConfigurationProperties("mastery.gateway")
public record GatewayProperties(
        @Valid @DefaultValue Oidc oidc,
        @Valid @DefaultValue RateLimit rateLimit,
        @Valid @DefaultValue RequestSize requestSize,
        @Valid @DefaultValue Cors cors,
        @Valid @DefaultValue Health health,
        @Valid @NotEmpty Map<String, Service> services) {

    /** The OIDC issuer whose tokens are accepted; its keys come from the JWKS. */
    public record Oidc(@NotBlank @DefaultValue("http://localhost:9000") String issuerUri, String jwkSetUri) {

        /** The issuer as the services expect it in {@code iss} (no trailing slash, like the service kit). */
        public String issuer() {
            return issuerUri.endsWith("/") ? issuerUri.substring(0, issuerUri.length() - 1) : issuerUri;
        }

        public String jwks() {
            return StringUtils.hasText(jwkSetUri) ? jwkSetUri : issuer() + "/oauth2/jwks";
        }
    }

    /**
     * Token bucket per client (token subject, else client IP): {@code capacity} requests in a burst,
     * refilled at {@code refillPerSecond}. At most {@code maxClients} buckets are kept; full ones are
     * dropped first.
     */
    public record RateLimit(@DefaultValue("true") boolean enabled,
                            @Positive @DefaultValue("100") long capacity,
                            @Positive @DefaultValue("20") double refillPerSecond,
                            @Positive @DefaultValue("100000") int maxClients) {
    }

    /** Largest request body accepted when a route's metadata sets no {@code max-request-size}. */
    public record RequestSize(@NotNull @DefaultValue("1MB") DataSize defaultMax) {
    }

    /** Cross-origin access for web clients. Bearer tokens, no cookies: credentials are not allowed. */
    public record Cors(@DefaultValue({"http://localhost:3000", "http://localhost:5173"}) List<String> allowedOrigins,
                       @DefaultValue({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}) List<String> allowedMethods,
                       @DefaultValue({"Authorization", "Content-Type", "Accept", "X-Correlation-Id", "If-Match", "If-None-Match"})
                       List<String> allowedHeaders,
                       @DefaultValue({"X-Correlation-Id", "Retry-After", "Location", "ETag"}) List<String> exposedHeaders,
                       @DefaultValue("1h") Duration maxAge) {
    }

    /** How the gateway asks each service for its readiness. */
    public record Health(@NotBlank @DefaultValue("/actuator/health/readiness") String path,
                        @NotNull @DefaultValue("2s") Duration timeout) {
    }

    /** A downstream service: its base URL (routes use the same property). */
    public record Service(@NotNull URI url) {
    }
}

package org.mastery.gateway.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * One downstream service's readiness, asked directly (not through its circuit breaker, so health
 * shows the truth even while a breaker is open). UP only when the service answers 200 with status UP.
 */
public class DownstreamHealthIndicator implements ReactiveHealthIndicator {

    private final String service;
    private final URI readiness;
    private final Duration timeout;
    private final WebClient client;

    public DownstreamHealthIndicator(String service, URI baseUrl, String path, Duration timeout, WebClient client) {
        this.service = service;
        this.readiness = URI.create(stripSlash(baseUrl.toString()) + path);
        this.timeout = timeout;
        this.client = client;
    }

    @Override
    public Mono<Health> health() {
        return client.get().uri(readiness)
                .exchangeToMono(response -> response.bodyToMono(JsonNode.class)
                        .map(body -> body.path("status").asText(""))
                        .defaultIfEmpty("")
                        .onErrorReturn("")
                        .map(reported -> {
                            Status status = response.statusCode().is2xxSuccessful() && "UP".equals(reported) ? Status.UP
                                    : !reported.isEmpty() ? new Status(reported) : Status.DOWN;
                            return Health.status(status)
                                    .withDetail("service", service)
                                    .withDetail("url", readiness.toString())
                                    .withDetail("httpStatus", response.statusCode().value())
                                    .build();
                        }))
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(Health.down()
                        .withDetail("service", service)
                        .withDetail("url", readiness.toString())
                        .withDetail("error", e instanceof java.util.concurrent.TimeoutException
                                ? "no answer within " + timeout.toMillis() + " ms" : e.getClass().getSimpleName())
                        .build()));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package org.mastery.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.security.Principal;
import org.mastery.gateway.config.GatewayProperties;
import org.mastery.gateway.web.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits each client's rate on every routed request: the client is the token's subject when the
 * request carries a valid token (authentication has run by now), else the client's IP address.
 * Refused requests answer 429 problem+json with {@code Retry-After} and never reach a service.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    /** Before the request size check and every route filter (circuit breaker, retry). */
    public static final int ORDER = -200;

    private final ClientRateLimiter limiter;
    private final boolean enabled;
    private final Problems problems;

    public RateLimitFilter(GatewayProperties properties, Problems problems) {
        GatewayProperties.RateLimit config = properties.rateLimit();
        this.enabled = config.enabled();
        this.limiter = new ClientRateLimiter(config.capacity(), config.refillPerSecond(), config.maxClients(), System::nanoTime);
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange);
        }
        return clientKey(exchange).flatMap(key -> {
            ClientRateLimiter.Outcome outcome = limiter.tryAcquire(key);
            if (outcome.allowed()) {
                return chain.filter(exchange);
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(outcome.retryAfterSeconds()));
            ProblemDetail problem = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "This client sent more than " + limiter.capacity() + " requests in a short time; retry after "
                            + Problems.seconds(outcome.retryAfterSeconds()));
            problem.setProperty("retryAfterSeconds", outcome.retryAfterSeconds());
            return problems.write(exchange, problem);
        });
    }

    static Mono<String> clientKey(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(p -> !(p instanceof AnonymousAuthenticationToken) && p.getName() != null)
                .map(Principal::getName)
                .map(subject -> "sub:" + subject)
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + address(exchange)));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}

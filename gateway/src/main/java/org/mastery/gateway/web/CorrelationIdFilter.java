package org.mastery.gateway.web;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The first thing every request meets: takes a safe {@code X-Correlation-Id} or makes one, passes it
 * to the service (which logs it and carries it into the events it causes), echoes it in the answer
 * (errors included) and writes one access-log line carrying it.
 */
@Component
public class CorrelationIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";

    /** Same rule as the services' filter: never echo arbitrary text into logs or headers. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private static final Logger access = LoggerFactory.getLogger("org.mastery.gateway.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    public static boolean isSafe(String value) {
        return value != null && SAFE.matcher(value).matches();
    }

    /** The request's correlation id, once this filter has run. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : "-";
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = isSafe(incoming) ? incoming : UUID.randomUUID().toString();
        long started = System.nanoTime();

        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
        ServerWebExchange mutated = exchange.mutate().request(request).build();
        mutated.getAttributes().put(ATTRIBUTE, id);
        AtomicBoolean logged = new AtomicBoolean();
        // the access line is written when the answer starts (errors are answered later, by the error
        // handler, outside this filter), or when the client went away before any answer
        mutated.getResponse().beforeCommit(() -> {
            mutated.getResponse().getHeaders().set(HEADER, id);
            if (logged.compareAndSet(false, true)) {
                logAccess(mutated, id, started, null);
            }
            return Mono.empty();
        });
        return chain.filter(mutated)
                .doOnCancel(() -> {
                    if (logged.compareAndSet(false, true)) {
                        logAccess(mutated, id, started, "cancelled");
                    }
                });
    }

    private static void logAccess(ServerWebExchange exchange, String id, long started, String note) {
        if (!access.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        MDC.put(MDC_KEY, id);
        try {
            access.info("{} {} -> {} route={} {}ms correlationId={}{}",
                    exchange.getRequest().getMethod(), exchange.getRequest().getURI().getRawPath(),
                    status != null ? status.value() : "-", route != null ? route.getId() : "-",
                    (System.nanoTime() - started) / 1_000_000, id,
                    note == null ? "" : " (" + note + ")");
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}

package org.mastery.gateway.web;

import java.util.concurrent.atomic.AtomicLong;
import org.mastery.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies larger than the route allows (route metadata {@code max-request-size},
 * e.g. {@code 20MB} for imports; {@code mastery.gateway.request-size.default-max} otherwise) with
 * 413 problem+json. A declared {@code Content-Length} is checked before anything is forwarded; a
 * body without one (chunked) is counted while it streams and cut off at the limit.
 */
@Component
public class RequestSizeLimitFilter implements GlobalFilter, Ordered {

    public static final String METADATA = "max-request-size";
    /** After the rate limit (-200), before every route filter (circuit breaker, retry). */
    public static final int ORDER = -150;

    private final DataSize defaultMax;
    private final Problems problems;

    public RequestSizeLimitFilter(GatewayProperties properties, Problems problems) {
        this.defaultMax = properties.requestSize().defaultMax();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    DataSize limitFor(Route route) {
        Object configured = route != null ? route.getMetadata().get(METADATA) : null;
        if (configured == null) {
            return defaultMax;
        }
        return configured instanceof Number n ? DataSize.ofBytes(n.longValue()) : DataSize.parse(configured.toString().trim());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        DataSize limit = limitFor(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
        long max = limit.toBytes();
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > max) {
            return problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The request body (" + declared + " bytes) is larger than the " + max + " bytes this route accepts");
        }
        if (declared >= 0) {
            return chain.filter(exchange); // HTTP framing keeps the body to the declared length
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().map(buffer -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > max) {
                        DataBufferUtils.release(buffer);
                        throw new PayloadTooLargeException(limit);
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}

package org.mastery.gateway.web;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every failure that reaches the gateway's edge into problem+json, without stack traces:
 * a service that cannot be reached or whose circuit breaker is open (503, naming the service), a
 * service too slow for its route's timeout (504), an oversized body (413), no route (404), and
 * anything unexpected (500, logged with the correlation id).
 */
@Component
@Order(-2) // before Spring Boot's DefaultErrorWebExceptionHandler (-1)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    /** Route metadata key naming the service behind a route, used in error details. */
    public static final String SERVICE_METADATA = "service";

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final Problems problems;
    private final ObjectProvider<CircuitBreakerRegistry> circuitBreakers;

    public GatewayErrorHandler(Problems problems, ObjectProvider<CircuitBreakerRegistry> circuitBreakers) {
        this.problems = problems;
        this.circuitBreakers = circuitBreakers;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            log(exchange, "Failure after the response started; closing it", ex, false);
            return Mono.error(ex);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String service = route == null ? "The service"
                : String.valueOf(route.getMetadata().getOrDefault(SERVICE_METADATA, route.getId()));

        if (causedBy(ex, AuthenticationServiceException.class)) {
            log(exchange, "Token could not be validated: " + ex.getMessage(), null, false);
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "The identity provider's keys could not be fetched to validate the token. Try again shortly.");
        }
        if (ex instanceof ServiceUnavailableException || causedBy(ex, CallNotPermittedException.class)) {
            long retryAfter = openStateSeconds(service);
            log(exchange, service + " circuit breaker open", null, false);
            ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    service + " is temporarily unavailable: its circuit breaker is open after repeated failures. "
                            + "Try again in " + Problems.seconds(retryAfter) + ".");
            problem.setProperty("service", service);
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            return problems.write(exchange, problem);
        }
        if (isTimeout(ex)) {
            log(exchange, service + " timed out", null, false);
            Object timeout = route != null ? route.getMetadata().get("response-timeout") : null;
            ProblemDetail problem = Problems.problem(HttpStatus.GATEWAY_TIMEOUT, "Gateway timeout",
                    service + " did not answer within " + (timeout != null ? timeout + " ms" : "the route's timeout")
                            + ". Reads are safe to retry; for a change, check whether it was applied before retrying.");
            problem.setProperty("service", service);
            return problems.write(exchange, problem);
        }
        if (ex instanceof PayloadTooLargeException tooLarge) {
            return problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large",
                    "The request body is larger than the " + tooLarge.limit().toBytes() + " bytes this route accepts");
        }
        if (route != null && causedBy(ex, IOException.class)) {
            boolean refused = causedBy(ex, ConnectException.class);
            log(exchange, service + (refused ? " unreachable" : " connection failed"), null, false);
            ProblemDetail problem = Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    service + (refused ? " could not be reached" : " closed the connection without an answer")
                            + "; it may be down or restarting. Try again shortly.");
            problem.setProperty("service", service);
            return problems.write(exchange, problem);
        }
        if (ex instanceof ResponseStatusException status) {
            return problems.write(exchange, forStatus(status));
        }
        log(exchange, "Unexpected failure", ex, true);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed; the failure was logged with the request's correlation id");
    }

    private static ProblemDetail forStatus(ResponseStatusException ex) {
        HttpStatus status = HttpStatus.resolve(ex.getStatusCode().value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> Problems.problem(status, "Not found", "No resource or API route matches this path");
            case METHOD_NOT_ALLOWED -> Problems.problem(status, "Method not allowed", "This method is not allowed on this path");
            case BAD_REQUEST -> Problems.problem(status, "Malformed request", "The request could not be read");
            case UNSUPPORTED_MEDIA_TYPE -> Problems.problem(status, "Unsupported media type", "This content type is not accepted here");
            case NOT_ACCEPTABLE -> Problems.problem(status, "Not acceptable", "No representation matches the Accept header");
            case SERVICE_UNAVAILABLE -> Problems.problem(status, "Service unavailable", "The service is temporarily unavailable. Try again shortly.");
            default -> Problems.problem(status, status.getReasonPhrase(), "The gateway answered " + status.value() + " " + status.getReasonPhrase());
        };
    }

    private static boolean isTimeout(Throwable ex) {
        if (ex instanceof ResponseStatusException status && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
            return true;
        }
        return causedBy(ex, TimeoutException.class) || causedBy(ex, org.springframework.cloud.gateway.support.TimeoutException.class)
                || causedBy(ex, io.netty.handler.timeout.ReadTimeoutException.class);
    }

    private long openStateSeconds(String service) {
        CircuitBreakerRegistry registry = circuitBreakers.getIfAvailable();
        if (registry != null) {
            return registry.find(service)
                    .map(cb -> Duration.ofMillis(cb.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)))
                    .map(d -> Math.max(1, (d.toMillis() + 999) / 1000))
                    .orElse(10L);
        }
        return 10L;
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void log(ServerWebExchange exchange, String what, Throwable ex, boolean error) {
        MDC.put(CorrelationIdFilter.MDC_KEY, CorrelationIdFilter.of(exchange));
        try {
            String line = what + " for " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath()
                    + " correlationId=" + CorrelationIdFilter.of(exchange);
            if (error) {
                log.error(line, ex);
            } else {
                log.warn(ex == null ? line : line + ": " + ex);
            }
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }
}

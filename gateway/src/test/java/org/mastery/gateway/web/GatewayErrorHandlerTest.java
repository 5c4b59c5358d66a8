package org.mastery.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.ConnectException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.server.ResponseStatusException;

/** How failures become problem+json, including the paths the integration tests cannot reach cheaply. */
class GatewayErrorHandlerTest {

    private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
    private final GatewayErrorHandler handler = new GatewayErrorHandler(new Problems(mapper),
            new StaticListableBeanFactory().getBeanProvider(CircuitBreakerRegistry.class));

    @Test
    void anUnreachableIdentityProviderIs503AndNotBlamedOnAService() throws Exception {
        MockServerWebExchange exchange = exchange(null);
        handler.handle(exchange, new AuthenticationServiceException("Couldn't retrieve remote JWK set",
                new ConnectException("Connection refused"))).block();
        JsonNode body = body(exchange, HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(body.path("detail").asText()).contains("identity provider");
        assertThat(body.has("service")).isFalse();
    }

    @Test
    void aConnectionFailureNamesTheRoutesService() throws Exception {
        MockServerWebExchange exchange = exchange(route(Map.of("service", "progression-service")));
        handler.handle(exchange, new ConnectException("Connection refused")).block();
        JsonNode body = body(exchange, HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(body.path("service").asText()).isEqualTo("progression-service");
        assertThat(body.path("detail").asText()).startsWith("progression-service could not be reached");
    }

    @Test
    void anOpenBreakerIs503WithRetryAfter() throws Exception {
        MockServerWebExchange exchange = exchange(route(Map.of("service", "reporting-service")));
        handler.handle(exchange, new ServiceUnavailableException()).block();
        JsonNode body = body(exchange, HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(body.path("detail").asText()).contains("reporting-service").contains("circuit breaker is open");
        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
    }

    @Test
    void aTimeoutIs504WithTheRoutesTimeout() throws Exception {
        MockServerWebExchange exchange = exchange(route(Map.of("service", "curriculum-service", "response-timeout", 10000)));
        handler.handle(exchange, new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout")).block();
        JsonNode body = body(exchange, HttpStatus.GATEWAY_TIMEOUT);
        assertThat(body.path("detail").asText()).contains("curriculum-service did not answer within 10000 ms");
    }

    @Test
    void anythingUnexpectedIs500WithoutItsMessageOrStackTrace() throws Exception {
        MockServerWebExchange exchange = exchange(null);
        handler.handle(exchange, new IllegalStateException("db password is hunter2")).block();
        JsonNode body = body(exchange, HttpStatus.INTERNAL_SERVER_ERROR);
        String raw = exchange.getResponse().getBodyAsString().block();
        assertThat(raw).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at org.");
        assertThat(body.path("detail").asText()).contains("correlation id");
    }

    @Test
    void noRouteIs404() throws Exception {
        MockServerWebExchange exchange = exchange(null);
        handler.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND, "No matching handler")).block();
        assertThat(body(exchange, HttpStatus.NOT_FOUND).path("title").asText()).isEqualTo("Not found");
    }

    @Test
    void afterTheAnswerStartedTheFailureIsPassedOnToCloseTheConnection() {
        MockServerWebExchange exchange = exchange(null);
        exchange.getResponse().setComplete().block();
        IllegalStateException failure = new IllegalStateException("mid-stream");
        assertThatThrownBy(() -> handler.handle(exchange, failure).block()).isSameAs(failure);
    }

    private static MockServerWebExchange exchange(Route route) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/students/s-1/progression"));
        if (route != null) {
            exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR, route);
        }
        return exchange;
    }

    private static Route route(Map<String, Object> metadata) {
        return Route.async().id("test-route").uri("http://127.0.0.1:1").predicate(e -> true).metadata(metadata).build();
    }

    private JsonNode body(MockServerWebExchange exchange, HttpStatus status) throws Exception {
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(status);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode body = mapper.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(body.path("status").asInt()).isEqualTo(status.value());
        assertThat(body.path("instance").asText()).isEqualTo("/api/students/s-1/progression");
        return body;
    }
}

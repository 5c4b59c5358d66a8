package org.mastery.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problem details ({@code application/problem+json}) for every error the gateway
 * itself produces, shaped like the services' answers (same {@code type} scheme).
 */
@Component
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private final ObjectMapper objectMapper;

    public Problems(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** Same shape as the service kit's {@code ProblemDetailsAdvice.problem}. */
    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:mastery:problem:" + title.toLowerCase().replaceAll("[^a-z0-9]+", "-")));
        return problem;
    }

    /** "1 second", "20 seconds". */
    public static String seconds(long seconds) {
        return seconds + (seconds == 1 ? " second" : " seconds");
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        return write(exchange, problem(status, title, detail));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // too late for a body: the client sees the connection end
            log.debug("Response already committed; cannot write problem {}", problem.getTitle());
            return Mono.empty();
        }
        String path = exchange.getRequest().getURI().getRawPath();
        if (path != null && !path.isEmpty()) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException ignored) {
                // a path that is not a valid URI reference is simply not echoed
            }
        }
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            body = ("{\"status\":" + problem.getStatus() + "}").getBytes(StandardCharsets.UTF_8);
        }
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        HttpHeaders headers = response.getHeaders();
        // anything copied from a downstream answer no longer describes this body
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}

package org.mastery.kit.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mastery.kit.web.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 answers as problem+json, like every other error. */
public final class ProblemAuthenticationHandlers {

    private ProblemAuthenticationHandlers() {
    }

    public static AuthenticationEntryPoint entryPoint(ObjectMapper objectMapper) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(objectMapper, response, ProblemDetailsAdvice.problem(HttpStatus.UNAUTHORIZED, "Unauthenticated",
                    "A valid bearer token from the configured identity provider is required"));
        };
    }

    public static AccessDeniedHandler accessDenied(ObjectMapper objectMapper) {
        return (request, response, e) -> write(objectMapper, response, ProblemDetailsAdvice.problem(HttpStatus.FORBIDDEN,
                "Forbidden", "Your role does not allow this action"));
    }

    private static void write(ObjectMapper objectMapper, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}

package org.mastery.kit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A write endpoint that takes no body (publish, retire, rebuild, …) refuses one, the same way other
 * endpoints refuse unknown fields: an empty body, {@code {}} and {@code null} are fine (they say nothing);
 * anything else is a 400 naming what was unexpected. Handlers that read the body themselves (a request
 * parameter, a multipart file, a stream) are left alone.
 */
public class UnexpectedBodyInterceptor implements HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final ObjectMapper objectMapper;

    public UnexpectedBodyInterceptor(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** A body was sent to an endpoint that takes none; answered 400. */
    public static class UnexpectedBodyException extends RuntimeException {
        public UnexpectedBodyException(String message) {
            super(message);
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!(handler instanceof HandlerMethod method) || !WRITES.contains(request.getMethod()) || readsBody(method)) {
            return true;
        }
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (request.getContentLengthLong() <= 0 && !chunked) {
            return true;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readAllBytes();
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
        if (text.isEmpty() || text.equals("{}") || text.equals("null")) {
            return true;
        }
        String detail = "This endpoint takes no request body";
        try {
            JsonNode json = objectMapper.readTree(body);
            if (json != null && json.isObject() && json.fieldNames().hasNext()) {
                detail += " (unknown field '" + ReadProblem.safe(json.fieldNames().next()) + "')";
            }
        } catch (IOException notJson) {
            // not JSON either: the plain refusal says it
        }
        throw new UnexpectedBodyException(detail);
    }

    private static boolean readsBody(HandlerMethod method) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(RequestBody.class) || parameter.hasParameterAnnotation(RequestPart.class)
                    || ServletRequest.class.isAssignableFrom(type) || MultipartFile.class.isAssignableFrom(type)
                    || InputStream.class.isAssignableFrom(type) || Reader.class.isAssignableFrom(type)
                    || HttpEntity.class.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }
}

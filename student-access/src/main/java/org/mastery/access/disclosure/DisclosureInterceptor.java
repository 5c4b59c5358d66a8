package org.mastery.access.disclosure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.mastery.access.Viewer;
import org.mastery.access.spring.ViewerArgumentResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records the disclosures of {@link DisclosesStudentRecord} handlers. The interceptor notes, before
 * the handler runs, what the request may disclose (endpoint, student in the path); the disclosure is
 * recorded once the answer is known to be successful: just before its body is written (this class is
 * also the {@link ResponseBodyAdvice}), so that a disclosure that cannot be recorded is not made (503),
 * or, for an answer without a body, when the request completes with a 2xx status.
 */
@ControllerAdvice
public class DisclosureInterceptor implements HandlerInterceptor, ResponseBodyAdvice<Object> {

    static final String PENDING = DisclosureInterceptor.class.getName() + ".pending";
    private static final Logger log = LoggerFactory.getLogger(DisclosureInterceptor.class);

    private final DisclosureRecorder recorder;

    public DisclosureInterceptor(DisclosureRecorder recorder) {
        this.recorder = recorder;
    }

    /** What one request may disclose, noted before its handler runs. */
    static final class Pending {
        final String endpoint;
        final String record;
        final String pathStudentId;
        boolean recorded;

        Pending(String endpoint, String record, String pathStudentId) {
            this.endpoint = endpoint;
            this.record = record;
            this.pathStudentId = pathStudentId;
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        DisclosesStudentRecord annotation = method.getMethodAnnotation(DisclosesStudentRecord.class);
        if (annotation == null) {
            return true;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
        String studentId = null;
        if (!annotation.studentIdVariable().isEmpty()) {
            Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
            if (variables instanceof Map<?, ?> map) {
                Object value = map.get(annotation.studentIdVariable());
                studentId = value == null ? null : value.toString();
            }
            if (studentId == null) {
                throw new IllegalStateException(method + " names the path variable '" + annotation.studentIdVariable()
                        + "' as the student id, but the path has no such variable");
            }
        }
        request.setAttribute(PENDING, new Pending(endpoint, annotation.record(), studentId));
        return true;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servletRequest && response instanceof ServletServerHttpResponse servletResponse) {
            recordIfSuccessful(servletRequest.getServletRequest(), servletResponse.getServletResponse().getStatus());
        }
        return body;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (ex != null) {
            return;
        }
        try {
            recordIfSuccessful(request, response.getStatus());
        } catch (RuntimeException e) {
            // the answer is already on its way: the best left to do is to say so loudly
            log.error("A disclosure of a student's record could not be recorded after the answer was sent", e);
        }
    }

    private void recordIfSuccessful(HttpServletRequest request, int status) {
        Object attribute = request.getAttribute(PENDING);
        if (!(attribute instanceof Pending pending) || pending.recorded || status < 200 || status >= 300) {
            return;
        }
        Set<String> students = new LinkedHashSet<>();
        if (pending.pathStudentId != null) {
            students.add(pending.pathStudentId);
        }
        Object named = request.getAttribute(StudentRecordDisclosures.ATTRIBUTE);
        if (named instanceof Set<?> set) {
            set.forEach(s -> students.add(s.toString()));
        }
        pending.recorded = true;
        if (students.isEmpty()) {
            return;
        }
        Viewer viewer = ViewerArgumentResolver.current();
        recorder.record(viewer, students, pending.endpoint, pending.record, MDC.get("correlationId"));
    }
}

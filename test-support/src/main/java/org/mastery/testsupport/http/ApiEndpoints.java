package org.mastery.testsupport.http;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The HTTP endpoints a service really has ({@code "GET /api/students/{studentId}/progression"}), from its handler mapping. */
public final class ApiEndpoints {

    private ApiEndpoints() {
    }

    /** Every endpoint under {@code /api} or {@code /internal} (not the error page, API docs or actuator). */
    public static Set<String> of(RequestMappingHandlerMapping mapping) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/") && !path.startsWith("/internal/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(method.name() + " " + path);
                }
            }
        }
        return endpoints;
    }

    /** Only the writes (POST, PUT, PATCH, DELETE). */
    public static Set<String> writes(RequestMappingHandlerMapping mapping) {
        Set<String> writes = new TreeSet<>();
        for (String endpoint : of(mapping)) {
            if (!endpoint.startsWith("GET ") && !endpoint.startsWith("HEAD ") && !endpoint.startsWith("OPTIONS ")) {
                writes.add(endpoint);
            }
        }
        return writes;
    }
}

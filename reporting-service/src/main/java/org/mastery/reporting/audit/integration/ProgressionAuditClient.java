package org.mastery.reporting.audit.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * progression-service's audit API, called with the auditor's own bearer token:
 * {@code GET /internal/audit/students/{id}/history?asOf=} and {@code GET /internal/audit/students/{id}/verify}.
 * Progression owns the event log and its hash chain; reporting adds what it knows and records the read.
 */
public class ProgressionAuditClient {

    private final HttpClient http;
    private final String baseUrl;
    private final ObjectMapper json;
    private final Duration requestTimeout;

    public ProgressionAuditClient(String baseUrl, ObjectMapper json, Duration connectTimeout, Duration requestTimeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    public JsonNode history(String studentId, Instant asOf, String bearerToken) {
        return get("/internal/audit/students/" + encode(studentId) + "/history"
                + (asOf == null ? "" : "?asOf=" + encode(asOf.toString())), studentId, bearerToken);
    }

    public JsonNode verify(String studentId, String bearerToken) {
        return get("/internal/audit/students/" + encode(studentId) + "/verify", studentId, bearerToken);
    }

    private JsonNode get(String path, String studentId, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AuditSourceUnavailableException("progression-service could not be reached for the audit of student " + studentId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditSourceUnavailableException("interrupted while reading the audit of student " + studentId, e);
        }
        int status = response.statusCode();
        if (status == 404) {
            throw new UnknownAuditSubjectException(studentId);
        }
        if (status == 401 || status == 403) {
            throw new AuditSourceRefusedException("progression-service refused this reader the audit of student " + studentId);
        }
        if (status != 200) {
            throw new AuditSourceUnavailableException("progression-service answered " + status + " for the audit of student " + studentId, null);
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AuditSourceUnavailableException("progression-service answered with unreadable JSON for student " + studentId, e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** progression-service is down or answered nonsense (503 to the caller). */
    public static class AuditSourceUnavailableException extends RuntimeException {
        public AuditSourceUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** progression-service knows no such student (404 to the caller). */
    public static class UnknownAuditSubjectException extends RuntimeException {
        public UnknownAuditSubjectException(String studentId) {
            super(studentId);
        }
    }

    /** progression-service refused the caller's token (403 to the caller). */
    public static class AuditSourceRefusedException extends RuntimeException {
        public AuditSourceRefusedException(String message) {
            super(message);
        }
    }
}

package org.mastery.testsupport.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain HTTP against a service started in-process, byte for byte: what the matrix and the bad-input
 * corpus send is exactly what a client would send (malformed bodies, odd content types included).
 */
public final class RawHttp {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;

    public RawHttp(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static RawHttp localhost(int port) {
        return new RawHttp("http://localhost:" + port);
    }

    /** A request body: its content type (null for none) and bytes. */
    public record Body(String contentType, byte[] bytes) {

        public static Body json(Object value) {
            try {
                return new Body("application/json", value instanceof byte[] b ? b : JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new IllegalArgumentException(e);
            }
        }

        public static Body raw(String contentType, byte[] bytes) {
            return new Body(contentType, bytes);
        }
    }

    /** An answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, byte[] bytes) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        public String text() {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            } catch (IOException e) {
                return JSON.createObjectNode().put("unparsable", text());
            }
        }

        @Override
        public String toString() {
            String text = text();
            return status + " " + contentType() + " " + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
        }
    }

    public Answer send(String method, String path, String bearerToken, Body body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        request.header("Accept", "application/json, application/problem+json, application/ld+json");
        if (body != null && body.contentType() != null) {
            request.header("Content-Type", body.contentType());
        }
        headers.forEach(request::header);
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body.bytes());
        request.method(method, publisher);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> answerHeaders.put(name.toLowerCase(), String.join(",", values)));
            return new Answer(response.statusCode(), answerHeaders, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Percent-encodes one path segment (what a client does with an id it puts in a URL). */
    public static String segment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}

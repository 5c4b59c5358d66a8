package org.mastery.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The public API as a real client uses it: every call goes through the gateway with a bearer token
 * the development identity provider issued ({@code POST /dev/token}) for the acting person. Politely
 * retries what the platform asks to be retried (429 and 503, after {@code Retry-After}) and
 * connection failures; everything else is returned to the caller as it came.
 */
public final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final int ATTEMPTS = 8;

    private final String gateway;
    private final String identity;
    private final HttpClient http;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    public Gateway(String gateway, String identity) {
        this.gateway = strip(gateway);
        this.identity = strip(identity);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String gatewayUrl() {
        return gateway;
    }

    public String identityUrl() {
        return identity;
    }

    /** Requests sent through the gateway (retries included) and how many of them were retries. */
    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Someone acting through the API: a subject (the person's id) with one role. */
    public Caller as(String subject, String role) {
        return new Caller(subject, role);
    }

    /** An answer: status, headers of interest, and the body as JSON (an empty object when it is not JSON). */
    public record Response(int status, String body, String retryAfter) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return JSON.createObjectNode();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.createObjectNode().put("raw", body);
            }
        }

        /** The body, or a failure naming the call when the answer is not 2xx. */
        public JsonNode expectOk(String what) {
            if (!ok()) {
                throw new ApiException(what + " answered " + status + ": " + shortBody());
            }
            return json();
        }

        String shortBody() {
            return body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
        }
    }

    /** A call that did not answer as expected. */
    public static final class ApiException extends RuntimeException {
        public ApiException(String message) {
            super(message);
        }
    }

    /** One person's view of the API. */
    public final class Caller {
        private final String subject;
        private final String role;

        private Caller(String subject, String role) {
            this.subject = subject;
            this.role = role;
        }

        public String subject() {
            return subject;
        }

        public Response get(String path) {
            return send("GET", path, null, null, Map.of());
        }

        public Response post(String path, Object body) {
            return send("POST", path, body, "application/json", Map.of());
        }

        public Response post(String path, Object body, Map<String, String> headers) {
            return send("POST", path, body, "application/json", headers);
        }

        public Response put(String path, Object body) {
            return send("PUT", path, body, "application/json", Map.of());
        }

        /** A raw body with its own content type (a zip archive, a CASE package as read from disk). */
        public Response postBytes(String path, byte[] body, String contentType) {
            return send("POST", path, body, contentType, Map.of());
        }

        private Response send(String method, String path, Object body, String contentType, Map<String, String> headers) {
            byte[] bytes = body == null ? null : body instanceof byte[] b ? b : write(body);
            for (int attempt = 1; ; attempt++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(Duration.ofSeconds(90))
                        .header("Authorization", "Bearer " + token(subject, role))
                        .header("X-Correlation-Id", "demo-district-" + requests.get());
                headers.forEach(request::header);
                if (bytes == null) {
                    request.method(method, HttpRequest.BodyPublishers.noBody());
                } else {
                    request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
                }
                requests.incrementAndGet();
                Response response;
                try {
                    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    response = new Response(answer.statusCode(), answer.body(), answer.headers().firstValue("Retry-After").orElse(null));
                } catch (ConnectException | HttpTimeoutException e) {
                    if (attempt >= ATTEMPTS) {
                        throw new ApiException(method + " " + path + " failed: " + e);
                    }
                    retries.incrementAndGet();
                    pause(500L * attempt);
                    continue;
                } catch (IOException e) {
                    if (attempt >= ATTEMPTS) {
                        throw new UncheckedIOException(method + " " + path, e);
                    }
                    retries.incrementAndGet();
                    pause(300L * attempt);
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiException(method + " " + path + " interrupted");
                }
                if ((response.status() == 429 || response.status() == 503) && attempt < ATTEMPTS) {
                    retries.incrementAndGet();
                    pause(retryAfterMillis(response.retryAfter(), attempt));
                    continue;
                }
                if (response.status() == 401 && attempt == 1) {
                    tokens.remove(subject + "|" + role); // expired: fetch a new one once
                    continue;
                }
                return response;
            }
        }
    }

    static long retryAfterMillis(String retryAfter, int attempt) {
        long fallback = Math.min(5_000, 250L << Math.min(attempt, 5));
        if (retryAfter == null) {
            return fallback;
        }
        try {
            return Math.max(100, Math.min(30_000, (long) (Double.parseDouble(retryAfter.strip()) * 1000)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private record Token(String value, long expiresAtMillis) {
    }

    /** A token for {@code subject} with {@code role} from {@code POST /dev/token}, reused until shortly before it expires. */
    String token(String subject, String role) {
        String key = subject + "|" + role;
        Token token = tokens.get(key);
        if (token != null && token.expiresAtMillis() > System.currentTimeMillis() + 60_000) {
            return token.value();
        }
        ObjectNode body = JSON.createObjectNode().put("sub", subject);
        body.putArray("roles").add(role);
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(identity + "/dev/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(write(body))).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new ApiException("the identity provider refused a token for " + subject + " (" + answer.statusCode() + "): "
                            + answer.body() + (answer.statusCode() == 404 ? " — is it running with the local profile?" : ""));
                }
                JsonNode issued = JSON.readTree(answer.body());
                Token fresh = new Token(issued.get("access_token").asText(),
                        System.currentTimeMillis() + issued.path("expires_in").asLong(3600) * 1000);
                tokens.put(key, fresh);
                return fresh.value();
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw new UncheckedIOException("could not reach the identity provider at " + identity, e);
                }
                pause(500L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException("interrupted");
            }
        }
    }

    /** Waits until the gateway reports every service UP (the launcher starts us when it is, so normally at once). */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/health"))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = answer.statusCode() + " " + answer.body();
                if (answer.statusCode() == 200 && "UP".equals(JSON.readTree(answer.body()).path("status").asText())) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(1000);
        }
        throw new ApiException("the gateway at " + gateway + " did not report the system UP within " + timeout + ": " + last);
    }

    static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A JSON array of strings. */
    static List<String> strings(JsonNode array) {
        return array == null || !array.isArray() ? List.of()
                : java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}

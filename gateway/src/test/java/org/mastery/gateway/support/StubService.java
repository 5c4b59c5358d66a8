package org.mastery.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for one Mastery service on a loopback port: answers its readiness and OpenAPI document,
 * echoes API requests as JSON (which service, method, path, query, body size) and records every
 * request it received. Paths with special behaviour:
 * <ul>
 *   <li>{@code .../slow/...}: answers after {@value #SLOW_MILLIS} ms;</li>
 *   <li>{@code .../flaky/{key}}: the first request for a key gets its connection closed without an
 *   answer, later ones are answered;</li>
 *   <li>{@code .../status/{code}/...}: answers with that status.</li>
 * </ul>
 * It can be stopped (nothing listens on its port) and started again on the same port.
 */
public final class StubService {

    public static final long SLOW_MILLIS = 4_000;

    static {
        // answer in one write: without it, small answers wait on Nagle + delayed ACK (~40 ms each)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** What the stub received. */
    public record Received(String method, String path, String query, Map<String, List<String>> headers, long bodyBytes) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final String name;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile HttpServer server;
    private volatile int port;

    public StubService(String name) {
        this.name = name;
        start();
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
                s.createContext("/", this::handle);
                s.setExecutor(executor);
                s.start();
                server = s;
                port = s.getAddress().getPort();
                return;
            } catch (IOException e) {
                last = e; // the port may linger for a moment after stop()
                sleep(100);
            }
        }
        throw new IllegalStateException("could not start stub " + name + " on port " + port, last);
    }

    /** Stops listening: connections to its port are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public boolean running() {
        return server != null;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedOn(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    public boolean receivedAnyStartingWith(String prefix) {
        return received.stream().anyMatch(r -> r.path().startsWith(prefix));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        long bodyBytes = drain(exchange.getRequestBody());
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), bodyBytes));

        if (path.equals("/actuator/health/readiness")) {
            respond(exchange, 200, "application/json", "{\"status\":\"UP\"}");
            return;
        }
        if (path.equals("/v3/api-docs")) {
            respond(exchange, 200, "application/json", "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name
                    + "\",\"version\":\"test\"},\"servers\":[{\"url\":\"" + url() + "\"}],\"paths\":{}}");
            return;
        }
        if (path.contains("/flaky/")) {
            String key = exchange.getRequestMethod() + " " + path;
            if (flakyCalls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() == 1) {
                exchange.close(); // headers never sent: the connection is closed without an answer
                return;
            }
        }
        if (path.contains("/slow/")) {
            sleep(SLOW_MILLIS);
        }
        int status = 200;
        int at = path.indexOf("/status/");
        if (at >= 0) {
            String rest = path.substring(at + "/status/".length());
            status = Integer.parseInt(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
        }
        String query = exchange.getRequestURI().getRawQuery();
        respond(exchange, status, "application/json", "{\"service\":\"" + name + "\",\"method\":\"" + exchange.getRequestMethod()
                + "\",\"path\":\"" + path + "\",\"query\":" + (query == null ? "null" : "\"" + query + "\"")
                + ",\"bodyBytes\":" + bodyBytes + "}");
    }

    private static long drain(InputStream body) throws IOException {
        long total = 0;
        byte[] buffer = new byte[16 * 1024];
        for (int n; (n = body.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.mastery.reporting.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.mastery.reporting.projection.query.ReadModels;

/**
 * Test doubles of the two HTTP APIs reporting reads, on loopback ports: curriculum-service's
 * {@code GET /api/roster/people/{id}} and progression-service's {@code /internal/audit/...}, answering
 * the shapes those services agreed to. They record what they were asked, with which token.
 */
public final class StubServices {

    private static StubServices instance;

    private final HttpServer server;
    public final Map<String, ObjectNode> people = new ConcurrentHashMap<>();
    public final Map<String, AtomicInteger> peopleCalls = new ConcurrentHashMap<>();
    public volatile boolean curriculumAvailable = true;
    public final Map<String, JsonNode> histories = new ConcurrentHashMap<>();
    public final Map<String, JsonNode> verdicts = new ConcurrentHashMap<>();
    public volatile boolean progressionAvailable = true;
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    private StubServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/roster/people/", this::person);
        server.createContext("/internal/audit/students/", this::audit);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stub-services");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static synchronized StubServices instance() {
        if (instance == null) {
            try {
                instance = new StubServices();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void person(String id, String givenName, String familyName) {
        ObjectNode person = ReadModels.JSON.createObjectNode();
        person.put("personId", id);
        person.put("givenName", givenName);
        person.put("familyName", familyName);
        person.put("email", givenName.toLowerCase() + "@families.example.org");
        people.put(id, person);
    }

    public int callsFor(String personId) {
        return peopleCalls.getOrDefault(personId, new AtomicInteger()).get();
    }

    private void person(HttpExchange exchange) throws IOException {
        record(exchange);
        String id = URLDecoder.decode(exchange.getRequestURI().getRawPath().substring("/api/roster/people/".length()), StandardCharsets.UTF_8);
        peopleCalls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        if (!curriculumAvailable) {
            respond(exchange, 503, "{\"title\":\"unavailable\"}");
            return;
        }
        ObjectNode person = people.get(id);
        respond(exchange, person == null ? 404 : 200, person == null ? "{\"title\":\"Not found\"}" : person.toString());
    }

    private void audit(HttpExchange exchange) throws IOException {
        record(exchange);
        if (!progressionAvailable) {
            respond(exchange, 503, "{\"title\":\"unavailable\"}");
            return;
        }
        String rest = exchange.getRequestURI().getRawPath().substring("/internal/audit/students/".length());
        String[] parts = rest.split("/");
        String student = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        JsonNode body = parts.length > 1 && parts[1].equals("verify") ? verdicts.get(student) : histories.get(student);
        respond(exchange, body == null ? 404 : 200, body == null ? "{\"title\":\"Not found\"}" : body.toString());
    }

    private void record(HttpExchange exchange) {
        requests.add(exchange.getRequestURI().toString());
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(auth == null ? "" : auth);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

package org.mastery.testsupport.bola;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.mastery.testsupport.http.RawHttp;
import org.mastery.testsupport.http.RawHttp.Answer;
import org.mastery.testsupport.http.RawHttp.Body;

/**
 * The broken-object-level-authorization matrix: every endpoint × every role × own/other object, run as
 * JUnit dynamic tests against a service started in-process.
 *
 * <p>Each cell asserts the expected answer (2xx, 403, or 404) and that refusals are problem+json with a
 * {@code detail}. A 404 must look exactly like the answer for an id that does not exist: the same
 * request with the object replaced by an unknown id gets the same status, {@code type}, {@code title} and
 * {@code detail} (up to the id). No successful answer to a viewer who does not see everything may contain
 * a {@linkplain BolaWorld#secret secret} id of side B — lists filter, and do not count what they hide.
 * {@link #assertCovers} fails when the service has an endpoint the matrix does not list (or the reverse).
 *
 * <pre>{@code
 * matrix.get("/api/students/{student}/progression")
 *       .expect("STUDENT 2xx/404 | GUARDIAN 2xx/404 | TEACHER 2xx/404 | LEADER 404 | AUDITOR 2xx | ADMIN 2xx");
 * }</pre>
 */
public final class BolaMatrix {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final RawHttp http;
    private final BolaWorld world;
    private final List<BolaEndpoint> endpoints = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private BolaMatrix(RawHttp http, BolaWorld world) {
        this.http = http;
        this.world = world;
    }

    public static BolaMatrix against(RawHttp http, BolaWorld world) {
        return new BolaMatrix(http, world);
    }

    public BolaEndpoint get(String template) {
        return endpoint("GET", template);
    }

    public BolaEndpoint post(String template) {
        return endpoint("POST", template);
    }

    public BolaEndpoint put(String template) {
        return endpoint("PUT", template);
    }

    public BolaEndpoint delete(String template) {
        return endpoint("DELETE", template);
    }

    public BolaEndpoint endpoint(String method, String template) {
        BolaEndpoint endpoint = new BolaEndpoint(method, template);
        endpoints.add(endpoint);
        return endpoint;
    }

    public List<BolaEndpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    /** How many requests the matrix has sent so far (cells and their unknown-id comparisons). */
    public int requestsSent() {
        return requests.get();
    }

    /**
     * The service's endpoints ({@code "GET /api/x/{id}"}) must be exactly the matrix's: a new endpoint
     * without rows fails the build, as does a row for an endpoint that does not exist.
     */
    public void assertCovers(Collection<String> serviceEndpoints) {
        Set<String> mapped = serviceEndpoints.stream().map(e -> VARIABLE.matcher(e).replaceAll("{}"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> listed = endpoints.stream().map(BolaEndpoint::normalized).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        Set<String> unknown = new TreeSet<>(listed);
        unknown.removeAll(mapped);
        assertThat(missing).as("endpoints of the service without rows in the BOLA matrix").isEmpty();
        assertThat(unknown).as("rows of the BOLA matrix for endpoints the service does not have").isEmpty();
    }

    /** The matrix as dynamic tests: a container per endpoint, a test per role and side. */
    public Stream<DynamicNode> tests() {
        endpoints.forEach(BolaEndpoint::checkComplete);
        return endpoints.stream().map(endpoint -> {
            List<DynamicNode> cells = new ArrayList<>();
            for (BolaRole role : BolaRole.values()) {
                for (Side side : endpoint.noObject ? List.of(Side.OWN) : List.of(Side.OWN, Side.OTHER)) {
                    Outcome expected = endpoint.expectations.get(role).on(side);
                    String name = role + " · " + (endpoint.noObject ? "no object" : side.name().toLowerCase() + " object")
                            + " → " + expected.label();
                    cells.add(DynamicTest.dynamicTest(name, () -> run(endpoint, role, side, expected)));
                }
            }
            String title = endpoint + (endpoint.note == null ? "" : "  (" + endpoint.note + ")");
            return DynamicContainer.dynamicContainer(title, cells);
        });
    }

    /** Runs one cell; answers what the service said. */
    public Answer run(BolaEndpoint endpoint, BolaRole role, Side side, Outcome expected) {
        Cell cell = cell(endpoint, role, side);
        Answer answer = send(endpoint, cell);
        String what = role + " (" + world.subject(role) + ") → " + endpoint + " on the " + side.name().toLowerCase() + " object "
                + cell.ids();
        assertThat(expected.matches(answer.status())).as("%s: expected %s but the answer was %s", what, expected.label(), answer)
                .isTrue();
        if (expected != Outcome.OK) {
            assertThat(answer.isProblem()).as("%s: a refusal is problem+json: %s", what, answer).isTrue();
            assertThat(answer.json().path("detail").asText()).as("%s: a refusal has a detail", what).isNotBlank();
        } else if (!role.seesEverything()) {
            String text = answer.text();
            for (String secret : world.secrets()) {
                assertThat(text).as("%s: the answer leaks %s, which this viewer may not see", what, secret).doesNotContain(secret);
            }
        }
        if (expected == Outcome.NOT_FOUND && endpoint.objectKind != null) {
            sameAsUnknown(endpoint, cell, answer, what);
        }
        return answer;
    }

    /** The refusal of an invisible object is indistinguishable from the answer for one that does not exist. */
    private void sameAsUnknown(BolaEndpoint endpoint, Cell cell, Answer refused, String what) {
        String hidden = cell.id(endpoint.objectKind);
        String unknown = "unknown-" + endpoint.objectKind.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> ids = new LinkedHashMap<>(cell.ids());
        ids.put(endpoint.objectKind, unknown);
        Answer absent = send(endpoint, new Cell(cell.role(), cell.side(), ids));
        assertThat(absent.status()).as("%s: an unknown %s answers %s, the invisible one 404", what, endpoint.objectKind, absent)
                .isEqualTo(404);
        assertThat(absent.isProblem()).isTrue();
        JsonNode a = refused.json();
        JsonNode b = absent.json();
        assertThat(a.path("type").asText()).as("%s: problem type of invisible vs unknown", what).isEqualTo(b.path("type").asText());
        assertThat(a.path("title").asText()).as("%s: problem title of invisible vs unknown", what).isEqualTo(b.path("title").asText());
        assertThat(a.path("detail").asText().replace(hidden, "{id}"))
                .as("%s: problem detail of invisible vs unknown", what)
                .isEqualTo(b.path("detail").asText().replace(unknown, "{id}"));
    }

    private Cell cell(BolaEndpoint endpoint, BolaRole role, Side side) {
        Map<String, String> ids = new LinkedHashMap<>(world.ids(side));
        Cell cell = new Cell(role, side, ids);
        if (endpoint.prepare != null) {
            ids.putAll(endpoint.prepare.apply(cell));
            cell = new Cell(role, side, ids);
        }
        return cell;
    }

    private Answer send(BolaEndpoint endpoint, Cell cell) {
        String path = VARIABLE.matcher(endpoint.template).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                RawHttp.segment(cell.id(m.group(1)))));
        Object value = endpoint.body == null ? null : endpoint.body.apply(cell);
        Body body = value == null ? null : value instanceof Body raw ? raw : Body.json(value);
        Map<String, String> headers = new LinkedHashMap<>(endpoint.headers.apply(cell));
        headers.putIfAbsent("X-Correlation-Id", "bola-" + requests.incrementAndGet());
        return http.send(endpoint.method, path, world.token(cell.role()), body, headers);
    }
}

package org.mastery.testsupport.bola;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row group of the matrix: an endpoint (method and path template whose {@code {variables}} name
 * object kinds of the world), how to make a valid body for a cell, optionally how to prepare fresh
 * objects for a cell (for actions that can succeed only once, such as publishing a draft), and for each
 * of the six roles the expected answer on its own object and on another one.
 */
public final class BolaEndpoint {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    final String method;
    final String template;
    final List<String> variables = new ArrayList<>();
    String objectKind;
    boolean noObject;
    Function<Cell, Object> body;
    Function<Cell, Map<String, String>> prepare;
    Function<Cell, Map<String, String>> headers = c -> Map.of();
    final Map<BolaRole, Expectation> expectations = new EnumMap<>(BolaRole.class);
    String note;

    BolaEndpoint(String method, String template) {
        this.method = method;
        this.template = template;
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            variables.add(m.group(1));
        }
        objectKind = variables.isEmpty() ? null : variables.get(0);
    }

    /** The kind of object the rules are about, when it is not the path's first variable (e.g. a student named in the body). */
    public BolaEndpoint object(String kind) {
        this.objectKind = kind;
        this.noObject = false;
        return this;
    }

    /** The endpoint is about no particular object (e.g. creating one): one column, the same for every side. */
    public BolaEndpoint noObject() {
        this.objectKind = null;
        this.noObject = true;
        return this;
    }

    /** A valid body for the cell: a JSON-serialisable value, or a {@link org.mastery.testsupport.http.RawHttp.Body}. */
    public BolaEndpoint body(Function<Cell, Object> body) {
        this.body = body;
        return this;
    }

    /** Fresh objects for each cell (ids by kind that replace the world's for this cell). */
    public BolaEndpoint prepare(Function<Cell, Map<String, String>> prepare) {
        this.prepare = prepare;
        return this;
    }

    public BolaEndpoint headers(Function<Cell, Map<String, String>> headers) {
        this.headers = headers;
        return this;
    }

    /** Why this row expects what it does, when it is a decision rather than the obvious rule (shown in the test name). */
    public BolaEndpoint because(String note) {
        this.note = note;
        return this;
    }

    public BolaEndpoint expect(Expectation... rows) {
        for (Expectation row : rows) {
            if (expectations.put(row.role(), row) != null) {
                throw new IllegalArgumentException(this + " lists " + row.role() + " twice");
            }
        }
        return this;
    }

    public BolaEndpoint expect(BolaRole role, Outcome own, Outcome other) {
        return expect(role.expects(own, other));
    }

    /**
     * The rows as a table line: {@code "STUDENT 2xx/404 | GUARDIAN 2xx/404 | TEACHER 2xx/404 | LEADER 404 |
     * AUDITOR 2xx | ADMIN 2xx"} (one outcome = the same for both sides).
     */
    public BolaEndpoint expect(String table) {
        for (String row : table.split("\\|")) {
            String[] parts = row.trim().split("\\s+");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a row is 'ROLE own/other', not '" + row + "'");
            }
            BolaRole role = BolaRole.valueOf(parts[0]);
            String[] outcomes = parts[1].split("/");
            Outcome own = Outcome.parse(outcomes[0]);
            Outcome other = outcomes.length > 1 ? Outcome.parse(outcomes[1]) : own;
            expect(role.expects(own, other));
        }
        return this;
    }

    void checkComplete() {
        for (BolaRole role : BolaRole.values()) {
            if (!expectations.containsKey(role)) {
                throw new IllegalStateException(this + " has no expectation for " + role + ": every endpoint × every role");
            }
        }
        if (noObject) {
            expectations.values().forEach(e -> {
                if (e.own() != e.other()) {
                    throw new IllegalStateException(this + " is about no object, yet " + e.role() + " expects different answers");
                }
            });
        }
    }

    /** {@code GET /api/students/{}/progression}: how endpoints are compared with the service's mappings. */
    String normalized() {
        String path = template.contains("?") ? template.substring(0, template.indexOf('?')) : template;
        return method + " " + VARIABLE.matcher(path).replaceAll("{}");
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}

package org.mastery.testsupport.bola;

/**
 * What the matrix expects of one request: success, a forbidden action on a visible object, "no such
 * object", or (rarely) a request this caller must complete first (400, e.g. an administrator must name
 * the class whose queue to read).
 */
public enum Outcome {
    OK("2xx"), FORBIDDEN("403"), NOT_FOUND("404"), INVALID("400");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public boolean matches(int status) {
        return switch (this) {
            case OK -> status >= 200 && status < 300;
            case FORBIDDEN -> status == 403;
            case NOT_FOUND -> status == 404;
            case INVALID -> status == 400;
        };
    }

    public String label() {
        return label;
    }

    static Outcome parse(String text) {
        return switch (text.trim().toLowerCase()) {
            case "2xx", "ok", "200", "201", "202", "204" -> OK;
            case "403", "forbidden" -> FORBIDDEN;
            case "404", "not_found", "notfound" -> NOT_FOUND;
            case "400", "invalid" -> INVALID;
            default -> throw new IllegalArgumentException("an outcome is 2xx, 400, 403 or 404, not '" + text + "'");
        };
    }
}

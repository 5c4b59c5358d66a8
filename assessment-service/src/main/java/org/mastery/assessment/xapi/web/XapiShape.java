package org.mastery.assessment.xapi.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of an xAPI 1.0.3 statement, checked before its meaning (the LRS conformance requirements
 * XAPI-00001, -00006, -00010, -00031): every key is one the specification defines for that object
 * (anything goes inside {@code extensions}), no value is {@code null} or an empty object, values have
 * the specified JSON type, {@code objectType} takes the specified values, IRIs and IRLs have a scheme,
 * and text is bounded (2,048 characters for identifiers, 8,192 for language-map texts) and free of control
 * characters.
 */
final class XapiShape {

    static final int MAX_IDENTIFIER = 2_048;
    static final int MAX_TEXT = 8_192;
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

    /** What a key holds. */
    private enum Kind { TEXT, IRI, OBJECT_TYPE, BOOLEAN, NUMBER, LANGUAGE_MAP, EXTENSIONS, OBJECT, OBJECT_OR_ARRAY, ARRAY }

    private record Key(Kind kind, String shape) {
    }

    private static Key text() {
        return new Key(Kind.TEXT, null);
    }

    private static Key iri() {
        return new Key(Kind.IRI, null);
    }

    private static Key object(String shape) {
        return new Key(Kind.OBJECT, shape);
    }

    private static final Map<String, Map<String, Key>> SHAPES = Map.ofEntries(
            Map.entry("statement", Map.ofEntries(Map.entry("id", text()), Map.entry("actor", object("agent")),
                    Map.entry("verb", object("verb")), Map.entry("object", object("object")), Map.entry("result", object("result")),
                    Map.entry("context", object("context")), Map.entry("timestamp", text()), Map.entry("stored", text()),
                    Map.entry("authority", object("agent")), Map.entry("version", text()),
                    Map.entry("attachments", new Key(Kind.ARRAY, "attachment")))),
            Map.entry("agent", Map.of("objectType", new Key(Kind.OBJECT_TYPE, "agent"), "name", text(), "mbox", iri(),
                    "mbox_sha1sum", text(), "openid", iri(), "account", object("account"), "member", new Key(Kind.ARRAY, "agent"))),
            Map.entry("account", Map.of("homePage", iri(), "name", text())),
            Map.entry("verb", Map.of("id", iri(), "display", new Key(Kind.LANGUAGE_MAP, null))),
            Map.entry("object", Map.ofEntries(Map.entry("objectType", new Key(Kind.OBJECT_TYPE, "object")), Map.entry("id", text()),
                    Map.entry("definition", object("definition")),
                    // an Agent, Group, StatementRef or SubStatement as the object (refused later as not an activity)
                    Map.entry("name", text()), Map.entry("mbox", iri()), Map.entry("mbox_sha1sum", text()), Map.entry("openid", iri()),
                    Map.entry("account", object("account")), Map.entry("member", new Key(Kind.ARRAY, "agent")),
                    Map.entry("actor", object("agent")), Map.entry("verb", object("verb")), Map.entry("object", object("object")),
                    Map.entry("result", object("result")), Map.entry("context", object("context")), Map.entry("timestamp", text()))),
            Map.entry("definition", Map.ofEntries(Map.entry("name", new Key(Kind.LANGUAGE_MAP, null)),
                    Map.entry("description", new Key(Kind.LANGUAGE_MAP, null)), Map.entry("type", iri()), Map.entry("moreInfo", iri()),
                    Map.entry("extensions", new Key(Kind.EXTENSIONS, null)), Map.entry("interactionType", text()),
                    Map.entry("correctResponsesPattern", new Key(Kind.ARRAY, null)), Map.entry("choices", new Key(Kind.ARRAY, "component")),
                    Map.entry("scale", new Key(Kind.ARRAY, "component")), Map.entry("source", new Key(Kind.ARRAY, "component")),
                    Map.entry("target", new Key(Kind.ARRAY, "component")), Map.entry("steps", new Key(Kind.ARRAY, "component")))),
            Map.entry("component", Map.of("id", text(), "description", new Key(Kind.LANGUAGE_MAP, null))),
            Map.entry("result", Map.of("score", object("score"), "success", new Key(Kind.BOOLEAN, null),
                    "completion", new Key(Kind.BOOLEAN, null), "response", text(), "duration", text(),
                    "extensions", new Key(Kind.EXTENSIONS, null))),
            Map.entry("score", Map.of("scaled", new Key(Kind.NUMBER, null), "raw", new Key(Kind.NUMBER, null),
                    "min", new Key(Kind.NUMBER, null), "max", new Key(Kind.NUMBER, null))),
            Map.entry("context", Map.of("registration", text(), "instructor", object("agent"), "team", object("agent"),
                    "contextActivities", object("contextActivities"), "revision", text(), "platform", text(), "language", text(),
                    "statement", object("statementRef"), "extensions", new Key(Kind.EXTENSIONS, null))),
            Map.entry("contextActivities", Map.of("parent", new Key(Kind.OBJECT_OR_ARRAY, "object"),
                    "grouping", new Key(Kind.OBJECT_OR_ARRAY, "object"), "category", new Key(Kind.OBJECT_OR_ARRAY, "object"),
                    "other", new Key(Kind.OBJECT_OR_ARRAY, "object"))),
            Map.entry("statementRef", Map.of("objectType", new Key(Kind.OBJECT_TYPE, "statementRef"), "id", text())),
            Map.entry("attachment", Map.of("usageType", iri(), "display", new Key(Kind.LANGUAGE_MAP, null),
                    "description", new Key(Kind.LANGUAGE_MAP, null), "contentType", text(), "length", new Key(Kind.NUMBER, null),
                    "sha2", text(), "fileUrl", iri())));

    private static final Map<String, Set<String>> OBJECT_TYPES = Map.of(
            "agent", Set.of("Agent", "Group"),
            "object", Set.of("Activity", "Agent", "Group", "StatementRef", "SubStatement"),
            "statementRef", Set.of("StatementRef"));

    private XapiShape() {
    }

    /** What is wrong with the statement's shape; empty when nothing is. */
    static List<String> problems(JsonNode statement) {
        List<String> problems = new ArrayList<>();
        check(statement, "statement", "", problems);
        return problems.size() > 10 ? problems.subList(0, 10) : problems;
    }

    private static void check(JsonNode node, String shape, String path, List<String> problems) {
        if (!node.isObject()) {
            problems.add((path.isEmpty() ? "the statement" : path) + " must be an object");
            return;
        }
        if (node.isEmpty() && !path.isEmpty()) {
            problems.add(path + " must not be an empty object");
            return;
        }
        Map<String, Key> keys = SHAPES.get(shape);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            String at = path.isEmpty() ? name : path + "." + name;
            Key key = keys.get(name);
            if (key == null) {
                problems.add(safe(at) + " is not a property the xAPI specification defines here");
                continue;
            }
            value(field.getValue(), key, at, problems);
        }
    }

    private static void value(JsonNode value, Key key, String at, List<String> problems) {
        if (value.isNull()) {
            problems.add(at + " must not be null");
            return;
        }
        switch (key.kind()) {
            case TEXT -> text(value, at, MAX_IDENTIFIER, problems);
            case IRI -> {
                if (text(value, at, MAX_IDENTIFIER, problems) && !IRI.matcher(value.asText()).matches()) {
                    problems.add(at + " must be an IRI with a scheme");
                }
            }
            case OBJECT_TYPE -> {
                if (text(value, at, MAX_IDENTIFIER, problems) && !OBJECT_TYPES.get(key.shape()).contains(value.asText())) {
                    problems.add(at + " must be one of " + OBJECT_TYPES.get(key.shape()).stream().sorted().toList());
                }
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    problems.add(at + " must be true or false");
                }
            }
            case NUMBER -> {
                if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                    problems.add(at + " must be a number");
                }
            }
            case LANGUAGE_MAP -> {
                if (!value.isObject()) {
                    problems.add(at + " must be a language map");
                } else {
                    value.fields().forEachRemaining(e -> text(e.getValue(), at + "." + safe(e.getKey()), MAX_TEXT, problems));
                }
            }
            case EXTENSIONS -> {
                if (!value.isObject()) {
                    problems.add(at + " must be an object");
                }
            }
            case OBJECT -> check(value, key.shape(), at, problems);
            case OBJECT_OR_ARRAY, ARRAY -> {
                if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        if (key.shape() == null) {
                            text(value.get(i), at + "[" + i + "]", MAX_TEXT, problems);
                        } else {
                            check(value.get(i), key.shape(), at + "[" + i + "]", problems);
                        }
                    }
                } else if (key.kind() == Kind.OBJECT_OR_ARRAY) {
                    check(value, key.shape(), at, problems);
                } else {
                    problems.add(at + " must be an array");
                }
            }
            default -> throw new IllegalStateException(key.kind().name());
        }
    }

    /** A string within the limit and free of control characters; reports and answers false otherwise. */
    private static boolean text(JsonNode value, String at, int max, List<String> problems) {
        if (!value.isTextual()) {
            problems.add(at + " must be a string");
            return false;
        }
        String text = value.asText();
        if (text.length() > max) {
            problems.add(at + " is longer than " + max + " characters");
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                problems.add(at + " must not contain control characters");
                return false;
            }
        }
        return true;
    }

    private static String safe(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}

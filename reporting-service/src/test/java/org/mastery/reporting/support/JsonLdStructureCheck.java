package org.mastery.reporting.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mastery.reporting.projection.query.ReadModels;

/**
 * Checks a credential against the bundled term structure of the VC 2.0, OB 3.0 and CLR 2.0 contexts,
 * offline: every context is a known published one, every property and type is a term the active
 * contexts define (global terms, plus the scoped terms of the node's own types; type-scoped contexts do
 * not propagate), required properties are present, enumerated values are allowed, ids are absolute
 * URIs and dates have their XML Schema form. Answers the list of violations, empty when valid.
 */
public final class JsonLdStructureCheck {

    private static final JsonNode STRUCTURE = load();

    private final List<String> violations = new ArrayList<>();

    private JsonLdStructureCheck() {
    }

    public static List<String> violations(JsonNode credential) {
        JsonLdStructureCheck check = new JsonLdStructureCheck();
        if (!credential.has("@context")) {
            check.violations.add("$: a credential has an @context");
        }
        check.node(credential, "$", Map.of(), Map.of());
        return check.violations;
    }

    private void node(JsonNode node, String path, Map<String, String> globals, Map<String, Map<String, String>> scoped) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                node(node.get(i), path + "[" + i + "]", globals, scoped);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Map<String, String> active = new HashMap<>(globals);
        Map<String, Map<String, String>> activeScoped = new HashMap<>(scoped);
        if (node.has("@context")) {
            active.clear();
            activeScoped.clear();
            JsonNode contexts = node.get("@context");
            List<String> urls = new ArrayList<>();
            contexts.forEach(c -> urls.add(c.asText()));
            if (!contexts.isArray() || urls.isEmpty() || !urls.get(0).equals("https://www.w3.org/ns/credentials/v2")) {
                violations.add(path + ": @context must be an array starting with the VC 2.0 context");
            }
            for (String url : urls) {
                JsonNode context = STRUCTURE.path("contexts").get(url);
                if (context == null) {
                    violations.add(path + ": unknown context " + url);
                    continue;
                }
                context.path("global").fields().forEachRemaining(e -> active.put(e.getKey(), e.getValue().asText()));
                context.path("typeScoped").fields().forEachRemaining(e -> {
                    Map<String, String> terms = activeScoped.computeIfAbsent(e.getKey(), k -> new HashMap<>());
                    e.getValue().fields().forEachRemaining(t -> terms.put(t.getKey(), t.getValue().asText()));
                });
            }
            required(node, path, "credential");
            JsonNode issuer = node.path("issuer");
            if (!issuer.isObject() || !issuer.path("type").toString().contains("\"Profile\"")) {
                violations.add(path + ".issuer: an issuer is a Profile (an object whose type includes Profile)");
            }
        }
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = node.get("type");
        if (type != null) {
            if (type.isArray()) {
                type.forEach(t -> types.add(t.asText()));
            } else {
                types.add(type.asText());
            }
        }
        Set<String> allowed = new HashSet<>(active.keySet());
        allowed.add("@context");
        for (String t : types) {
            if (!active.containsKey(t)) {
                violations.add(path + ": type " + t + " is not defined by the active contexts");
            }
            allowed.addAll(activeScoped.getOrDefault(t, Map.of()).keySet());
            required(node, path, t);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String term = field.getKey();
            if (!allowed.contains(term)) {
                violations.add(path + ": property " + term + " is not defined for a node of type " + types
                        + " (it would expand into the issuer-dependent @vocab)");
            }
            JsonNode allowedValues = STRUCTURE.path("enumerations").get(term);
            if (allowedValues != null && field.getValue().isTextual()) {
                boolean ok = false;
                for (JsonNode v : allowedValues) {
                    ok |= v.asText().equals(field.getValue().asText());
                }
                if (!ok && !field.getValue().asText().startsWith("ext:")) {
                    violations.add(path + "." + term + ": " + field.getValue().asText() + " is not an allowed value");
                }
            }
            if (term.equals("id") || term.equals("sourceId") || term.equals("targetId") || term.equals("targetUrl")) {
                absoluteUri(field.getValue(), path + "." + term);
            }
            if (term.equals("validFrom") || term.equals("validUntil")) {
                try {
                    Instant.parse(field.getValue().asText());
                } catch (RuntimeException e) {
                    violations.add(path + "." + term + ": not an xsd:dateTime");
                }
            }
            if (term.equals("activityStartDate") || term.equals("activityEndDate")) {
                try {
                    LocalDate.parse(field.getValue().asText());
                } catch (RuntimeException e) {
                    violations.add(path + "." + term + ": not an xsd:date");
                }
            }
            if ((term.equals("creditsEarned") || term.equals("creditsAvailable")) && !field.getValue().isNumber()) {
                violations.add(path + "." + term + ": not an xsd:float");
            }
            if (!term.equals("@context")) {
                // type-scoped terms do not propagate: nested nodes see only the global terms
                node(field.getValue(), path + "." + term, active, activeScoped);
            }
        }
    }

    private void required(JsonNode node, String path, String kind) {
        JsonNode required = STRUCTURE.path("required").get(kind);
        if (required == null) {
            return;
        }
        for (JsonNode property : required) {
            if (!node.hasNonNull(property.asText())) {
                violations.add(path + ": a " + kind + " requires " + property.asText());
            }
        }
    }

    private void absoluteUri(JsonNode value, String path) {
        try {
            if (!value.isTextual() || URI.create(value.asText()).getScheme() == null) {
                violations.add(path + ": not an absolute URI: " + value);
            }
        } catch (IllegalArgumentException e) {
            violations.add(path + ": not a URI: " + value);
        }
    }

    private static JsonNode load() {
        try (InputStream in = JsonLdStructureCheck.class.getResourceAsStream("/jsonld/vc2-ob3-clr2-term-structure.json")) {
            return ReadModels.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

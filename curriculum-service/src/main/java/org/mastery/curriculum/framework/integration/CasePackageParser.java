package org.mastery.curriculum.framework.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mastery.curriculum.framework.domain.CaseAssociation;
import org.mastery.curriculum.framework.domain.PrerequisiteCycleException;
import org.mastery.curriculum.framework.domain.PrerequisiteGraph;

/**
 * Reads a 1EdTech CASE 1.0 or 1.1 CFPackage ({@code CFDocument}, {@code CFItems},
 * {@code CFAssociations}, {@code CFDefinitions}) and checks it as a whole before anything is stored.
 *
 * <ul>
 *   <li>{@code isChildOf} builds the hierarchy (origin is the child of destination; a destination
 *       that is the document puts the item at the top); its {@code sequenceNumber} orders siblings.
 *   <li>{@code precedes} becomes a prerequisite: the origin must be mastered before the destination.
 *       A cycle among them refuses the whole package ({@link PrerequisiteCycleException}).
 *   <li>Every other association ({@code isPeerOf}, {@code exactMatchOf}, {@code isRelatedTo},
 *       {@code exemplar}, {@code replacedBy}, {@code isPartOf}, {@code hasSkillLevel}, extension and
 *       unknown types) is kept as metadata on the items it involves; unknown types are reported in
 *       the warnings, never dropped. {@code isPeerOf} is symmetric, so it does not order competencies.
 *   <li>Associations with an end outside the document are kept as external references.
 *   <li>Messy real-world exports are accepted: {@code sequenceNumber} as a string, {@code educationLevel}
 *       as one comma-separated string, a missing {@code CFItemType} resolved through
 *       {@code CFDefinitions.CFItemTypes}, pre-1.0 field names ({@code lsDoc}, {@code lsItems},
 *       {@code lsAssociations}, {@code lsDefItemTypes}) read as their 1.0 names (with a warning).
 * </ul>
 * Anything malformed is a {@link CasePackageException} naming its JSON path.
 */
public final class CasePackageParser {

    public static final Set<String> KNOWN_ASSOCIATION_TYPES = Set.of("isChildOf", "isPeerOf", "isPartOf", "exactMatchOf",
            "precedes", "isRelatedTo", "replacedBy", "exemplar", "hasSkillLevel", "isTranslationOf");
    static final int MAX_ITEMS = 50_000;
    static final int MAX_CODE = 100;
    static final int MAX_STATEMENT = 10_000;
    /** Exports repeat an entry now and then (read once, with a warning); thousands of repeats are not an export. */
    static final int MAX_REPEATS = 1_000;

    private final List<String> warnings = new ArrayList<>();
    private int repeats;

    private CasePackageParser() {
    }

    public static CasePackage parse(JsonNode root) {
        return new CasePackageParser().read(root);
    }

    private CasePackage read(JsonNode root) {
        String base = "$";
        if (root == null || !root.isObject()) {
            throw new CasePackageException("$", "a CASE package is a JSON object with CFDocument, CFItems and CFAssociations");
        }
        CaseShape.check(root);
        if (root.path("CFPackage").isObject()) {
            root = root.get("CFPackage");
            base = "$.CFPackage";
        }
        Field doc = field(root, base, "CFDocument", "lsDoc");
        if (doc == null || !doc.node.isObject()) {
            throw new CasePackageException(doc == null ? base + ".CFDocument" : doc.path, "the package needs a CFDocument object");
        }
        String documentId = text(doc.node, doc.path + ".identifier", true, 255);
        String title = text(doc.node, doc.path + ".title", true, 200);
        String caseVersion = doc.node.path("caseVersion").isTextual() ? doc.node.get("caseVersion").asText().strip() : "1.0";

        Field definitions = field(root, base, "CFDefinitions", "lsDefinitions");
        Map<String, String> itemTypeTitles = itemTypeTitles(definitions);
        String subject = subject(doc, definitions);

        Field itemsField = field(root, base, "CFItems", "lsItems");
        if (itemsField == null || !itemsField.node.isArray() || itemsField.node.isEmpty()) {
            throw new CasePackageException(itemsField == null ? base + ".CFItems" : itemsField.path,
                    "the package needs a non-empty CFItems array");
        }
        if (itemsField.node.size() > MAX_ITEMS) {
            throw new CasePackageException(itemsField.path, "at most " + MAX_ITEMS + " items per package");
        }
        Map<String, RawItem> items = new LinkedHashMap<>();
        for (int i = 0; i < itemsField.node.size(); i++) {
            String at = itemsField.path + "[" + i + "]";
            RawItem item = item(itemsField.node.get(i), at, itemTypeTitles);
            RawItem earlier = items.get(item.identifier);
            if (earlier != null) {
                if (earlier.source.equals(itemsField.node.get(i))) {
                    repeated(at);
                    warnings.add(at + " repeats " + earlier.path + " exactly; read once");
                    continue;
                }
                throw new CasePackageException(at + ".identifier", "identifier " + item.identifier + " is also used by " + earlier.path);
            }
            if (item.identifier.equals(documentId)) {
                throw new CasePackageException(at + ".identifier", "an item may not have the document's identifier");
            }
            items.put(item.identifier, item);
        }

        Map<String, Integer> associationTypes = new TreeMap<>();
        List<CaseAssociation> documentAssociations = new ArrayList<>();
        Field associationsField = field(root, base, "CFAssociations", "lsAssociations");
        int external = 0;
        if (associationsField != null && !associationsField.node.isNull()) {
            if (!associationsField.node.isArray()) {
                throw new CasePackageException(associationsField.path, "CFAssociations must be an array");
            }
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < associationsField.node.size(); i++) {
                String at = associationsField.path + "[" + i + "]";
                JsonNode a = associationsField.node.get(i);
                if (!a.isObject()) {
                    throw new CasePackageException(at, "an association is a JSON object");
                }
                String identifier = a.path("identifier").isTextual() ? a.get("identifier").asText().strip() : "association-" + i;
                if (!seen.add(identifier)) {
                    repeated(at);
                    warnings.add(at + " repeats association " + identifier + "; read once");
                    continue;
                }
                String type = text(a, at + ".associationType", true, 100);
                associationTypes.merge(type, 1, Integer::sum);
                Node origin = node(a, at + ".originNodeURI", documentId, items);
                Node destination = node(a, at + ".destinationNodeURI", documentId, items);
                Integer sequence = sequence(a, at + ".sequenceNumber");
                if (origin.external || destination.external) {
                    external++;
                }
                if (!KNOWN_ASSOCIATION_TYPES.contains(type) && !type.startsWith("ext:")) {
                    warnings.add(at + ": unknown association type '" + type + "' kept as metadata");
                }
                apply(type, identifier, origin, destination, sequence, at, items, documentAssociations);
            }
        }
        if (external > 0) {
            warnings.add(external + " association(s) point outside the document; kept as external references");
        }
        checkHierarchy(items);
        items.values().forEach(item -> item.finalCode = item.generatedCode ? generatedCode(item, items) : item.code);
        Map<String, Set<String>> children = new HashMap<>();
        items.values().forEach(item -> {
            if (item.parent != null) {
                children.computeIfAbsent(item.parent, k -> new LinkedHashSet<>()).add(item.identifier);
            }
        });
        checkPrerequisites(items);

        long generated = items.values().stream().filter(item -> item.generatedCode).count();
        List<CasePackage.Item> out = new ArrayList<>();
        for (RawItem item : items.values()) {
            out.add(new CasePackage.Item(item.identifier, item.finalCode, item.statement, item.itemType, item.educationLevels,
                    item.parent, item.sequence, List.copyOf(item.prerequisites), List.copyOf(item.associations),
                    !children.containsKey(item.identifier)));
        }
        if (generated > 0) {
            warnings.add(generated + " item(s) have no humanCodingScheme; codes were derived from their place in the hierarchy");
        }
        String gradeBand = gradeBand(doc.node, items.values());
        return new CasePackage(documentId, title, subject, gradeBand, caseVersion, out, associationTypes,
                documentAssociations, List.copyOf(warnings));
    }

    // ---- associations ----

    private void apply(String type, String identifier, Node origin, Node destination, Integer sequence, String at,
                       Map<String, RawItem> items, List<CaseAssociation> documentAssociations) {
        RawItem originItem = origin.item ? items.get(origin.identifier) : null;
        RawItem destinationItem = destination.item ? items.get(destination.identifier) : null;
        if ("isChildOf".equals(type) && originItem != null && (destinationItem != null || destination.document)) {
            if (originItem.parentAssociation == null) {
                originItem.parent = destinationItem == null ? null : destinationItem.identifier;
                originItem.parentAssociation = at;
                originItem.sequence = sequence;
                return;
            }
            warnings.add(at + ": item " + originItem.identifier + " already has a parent from " + originItem.parentAssociation
                    + "; this isChildOf is kept as metadata");
        } else if ("precedes".equals(type) && originItem != null && destinationItem != null) {
            destinationItem.prerequisites.add(originItem.identifier);
            return;
        }
        if (originItem != null) {
            originItem.associations.add(new CaseAssociation(identifier, type, "OUTGOING", destination.identifier,
                    destination.uri, destination.title, destination.external));
        }
        if (destinationItem != null && destinationItem != originItem) {
            destinationItem.associations.add(new CaseAssociation(identifier, type, "INCOMING", origin.identifier,
                    origin.uri, origin.title, origin.external));
        }
        if (originItem == null && destinationItem == null) {
            Node other = origin.document ? destination : origin;
            documentAssociations.add(new CaseAssociation(identifier, type, origin.document ? "OUTGOING" : "INCOMING",
                    other.identifier, other.uri, other.title, other.external));
        }
    }

    private void checkHierarchy(Map<String, RawItem> items) {
        for (RawItem item : items.values()) {
            List<String> chain = new ArrayList<>(List.of(item.label()));
            Set<String> visited = new java.util.HashSet<>(Set.of(item.identifier));
            for (String at = item.parent; at != null; at = items.get(at).parent) {
                chain.add(items.get(at).label());
                if (!visited.add(at)) {
                    throw new CasePackageException(item.parentAssociation,
                            "the isChildOf associations loop: " + String.join(" ⊂ ", chain));
                }
            }
        }
    }

    private static void checkPrerequisites(Map<String, RawItem> items) {
        Map<String, List<String>> requires = new HashMap<>();
        items.values().forEach(item -> requires.put(item.identifier, List.copyOf(item.prerequisites)));
        new PrerequisiteGraph(requires).findCycle().ifPresent(cycle -> {
            // read from the item that comes first in the package, so the message does not depend on ids
            String first = items.keySet().stream().filter(cycle::contains).findFirst().orElse(null);
            throw new PrerequisiteCycleException(PrerequisiteGraph.startingAt(cycle, first).stream()
                    .map(id -> items.get(id).finalCode).toList());
        });
    }

    private Node node(JsonNode association, String at, String documentId, Map<String, RawItem> items) {
        JsonNode n = association.get(at.substring(at.lastIndexOf('.') + 1));
        if (n == null || !n.isObject()) {
            throw new CasePackageException(at, "an association needs this node reference object (title, identifier, uri)");
        }
        String identifier = n.path("identifier").isValueNode() && !n.get("identifier").asText().isBlank()
                ? n.get("identifier").asText().strip() : null;
        String uri = n.path("uri").isTextual() && !n.get("uri").asText().isBlank() ? n.get("uri").asText().strip() : null;
        if (identifier == null && uri == null) {
            throw new CasePackageException(at + ".identifier", "a node reference needs an identifier or a uri");
        }
        String title = n.path("title").isTextual() ? n.get("title").asText() : null;
        boolean document = identifier != null && identifier.equals(documentId);
        boolean item = identifier != null && items.containsKey(identifier);
        return new Node(identifier, uri, title, document, item, !document && !item);
    }

    private static Integer sequence(JsonNode association, String at) {
        JsonNode s = association.get("sequenceNumber");
        if (s == null || s.isNull()) {
            return null;
        }
        if (s.isIntegralNumber()) {
            return s.asInt();
        }
        if (s.isNumber() && s.asDouble() == Math.rint(s.asDouble())) {
            return (int) s.asDouble();
        }
        if (s.isTextual()) {
            String t = s.asText().strip();
            if (t.isEmpty()) {
                return null;
            }
            try {
                return (int) Math.round(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                throw new CasePackageException(at, "'" + t + "' is not a number");
            }
        }
        throw new CasePackageException(at, "sequenceNumber must be a number");
    }

    // ---- items ----

    private RawItem item(JsonNode n, String at, Map<String, String> itemTypeTitles) {
        if (n == null || !n.isObject()) {
            throw new CasePackageException(at, "a CFItem is a JSON object");
        }
        RawItem item = new RawItem();
        item.source = n;
        item.path = at;
        item.identifier = text(n, at + ".identifier", true, 255);
        item.statement = text(n, at + ".fullStatement", true, MAX_STATEMENT);
        item.code = text(n, at + ".humanCodingScheme", false, MAX_CODE);
        item.generatedCode = item.code == null;
        if (item.generatedCode) {
            item.code = n.path("listEnumeration").isValueNode() && !n.path("listEnumeration").asText().isBlank()
                    ? n.get("listEnumeration").asText().strip() : null;
        }
        String type = text(n, at + ".CFItemType", false, 100);
        if (type == null && n.path("CFItemTypeURI").isObject()) {
            JsonNode ref = n.get("CFItemTypeURI");
            type = ref.path("title").isTextual() && !ref.get("title").asText().isBlank() ? ref.get("title").asText().strip()
                    : itemTypeTitles.get(ref.path("identifier").asText());
        }
        item.itemType = type == null ? "Item" : type;
        item.educationLevels = educationLevels(n.get("educationLevel"), at + ".educationLevel");
        return item;
    }

    private static List<String> educationLevels(JsonNode n, String at) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (n.isTextual()) {
            for (String part : n.asText().split("[,;]")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                JsonNode level = n.get(i);
                if (!level.isValueNode()) {
                    throw new CasePackageException(at + "[" + i + "]", "an education level is a string such as \"04\"");
                }
                if (!level.asText().isBlank()) {
                    out.add(level.asText().strip());
                }
            }
        } else if (n.isNumber()) {
            out.add(n.asText());
        } else {
            throw new CasePackageException(at, "educationLevel must be an array of strings");
        }
        return out.stream().distinct().toList();
    }

    private static String generatedCode(RawItem item, Map<String, RawItem> items) {
        RawItem parent = item.parent == null ? null : items.get(item.parent);
        String local = item.code != null ? item.code
                : item.sequence != null ? String.valueOf(item.sequence)
                : item.identifier.length() > 8 ? item.identifier.substring(0, 8) : item.identifier;
        String prefix = parent == null ? "" : parent.generatedCode ? generatedCode(parent, items) : parent.code;

        String code = prefix.isEmpty() ? local : prefix + "." + local;
        return code.length() > MAX_CODE ? code.substring(code.length() - MAX_CODE) : code;
    }

    // ---- document ----

    private static Map<String, String> itemTypeTitles(Field definitions) {
        Map<String, String> titles = new HashMap<>();
        if (definitions == null || !definitions.node.isObject()) {
            return titles;
        }
        JsonNode types = definitions.node.has("CFItemTypes") ? definitions.node.get("CFItemTypes") : definitions.node.get("lsDefItemTypes");
        if (types != null && types.isArray()) {
            for (JsonNode t : types) {
                if (t.path("identifier").isTextual() && t.path("title").isTextual()) {
                    titles.put(t.get("identifier").asText(), t.get("title").asText().strip());
                }
            }
        }
        return titles;
    }

    private static String subject(Field doc, Field definitions) {
        JsonNode s = doc.node.get("subject");
        if (s != null && s.isArray() && !s.isEmpty() && s.get(0).isTextual() && !s.get(0).asText().isBlank()) {
            List<String> subjects = new ArrayList<>();
            s.forEach(v -> {
                if (v.isTextual() && !v.asText().isBlank()) {
                    subjects.add(v.asText().strip());
                }
            });
            return truncate(String.join(", ", subjects), 100);
        }
        if (s != null && s.isTextual() && !s.asText().isBlank()) {
            return truncate(s.asText().strip(), 100);
        }
        if (definitions != null && definitions.node.path("CFSubjects").isArray() && !definitions.node.get("CFSubjects").isEmpty()
                && definitions.node.get("CFSubjects").get(0).path("title").isTextual()) {
            return truncate(definitions.node.get("CFSubjects").get(0).get("title").asText().strip(), 100);
        }
        return "General";
    }

    /** The range of the numeric grades (PK, KG, 01–13) of the document or its items, e.g. "03-05" or "KG". */
    private static String gradeBand(JsonNode doc, java.util.Collection<RawItem> items) {
        List<String> levels = new ArrayList<>(educationLevels(doc.get("educationLevel"), "$.CFDocument.educationLevel"));
        if (levels.isEmpty()) {
            items.forEach(item -> levels.addAll(item.educationLevels));
        }
        TreeSet<Integer> grades = new TreeSet<>();
        Set<String> others = new TreeSet<>();
        for (String level : levels) {
            String l = level.toUpperCase();
            if (l.equals("PK") || l.equals("PREK")) {
                grades.add(-1);
            } else if (l.equals("KG") || l.equals("K")) {
                grades.add(0);
            } else if (l.matches("\\d{1,2}")) {
                grades.add(Integer.parseInt(l));
            } else {
                others.add(level);
            }
        }
        if (!grades.isEmpty()) {
            String low = grade(grades.first());
            String high = grade(grades.last());
            return low.equals(high) ? low : low + "-" + high;
        }
        return others.isEmpty() ? "Unspecified" : truncate(String.join(",", others), 40);
    }

    private static String grade(int g) {
        return g == -1 ? "PK" : g == 0 ? "KG" : String.format("%02d", g);
    }

    // ---- helpers ----

    private void repeated(String at) {
        if (++repeats > MAX_REPEATS) {
            throw new CasePackageException(at, "the package repeats more than " + MAX_REPEATS + " entries; it is not read");
        }
    }

    private Field field(JsonNode root, String base, String name, String legacyName) {
        if (root.has(name)) {
            return new Field(root.get(name), base + "." + name);
        }
        if (root.has(legacyName)) {
            warnings.add("pre-1.0 field name " + legacyName + " read as " + name);
            return new Field(root.get(legacyName), base + "." + legacyName);
        }
        return null;
    }

    private static String text(JsonNode parent, String at, boolean required, int max) {
        JsonNode n = parent.get(at.substring(at.lastIndexOf('.') + 1));
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            if (required) {
                throw new CasePackageException(at, "is required");
            }
            return null;
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw new CasePackageException(at, "must be a string");
        }
        String value = n.asText().strip();
        if (value.length() > max) {
            throw new CasePackageException(at, "must be at most " + max + " characters");
        }
        return value;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private record Field(JsonNode node, String path) {
    }

    private record Node(String identifier, String uri, String title, boolean document, boolean item, boolean external) {
    }

    private static final class RawItem {
        JsonNode source;
        String path;
        String identifier;
        String code;
        String finalCode;
        boolean generatedCode;
        String statement;
        String itemType;
        List<String> educationLevels;
        String parent;
        String parentAssociation;
        Integer sequence;
        final Set<String> prerequisites = new LinkedHashSet<>();
        final List<CaseAssociation> associations = new ArrayList<>();

        String label() {
            return code != null ? code : identifier;
        }
    }
}

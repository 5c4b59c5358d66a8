package org.mastery.curriculum.framework.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of a CASE package, checked before its meaning: the fields CASE 1.0/1.1 defines have the
 * specified JSON types, formats and bounded sizes (identifiers of the document, items, associations and
 * definitions are UUIDs; a link's identifier is a UUID or an absolute URI for nodes of other documents;
 * URIs have a scheme; dates parse; texts and lists are bounded). Fields CASE does not define are
 * publishers' own and are ignored, but no string anywhere may be longer than 100,000 characters or hold
 * control characters other than tab and line breaks. A violation is a {@link CasePackageException} naming
 * the path (400, nothing stored).
 */
final class CaseShape {

    static final int MAX_ANY = 100_000;
    static final int MAX_URI = 2_048;
    static final int MAX_DEFINITIONS = 1_000;
    static final int MAX_ASSOCIATIONS = 500_000;

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern URI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s]+");
    private static final Pattern ASSOCIATION_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9._:-]{0,99}");

    /** Objects whose own identifier is a UUID of this package. */
    private static final Set<String> OWN_IDENTIFIERS = Set.of("CFDocument", "lsDoc", "CFItems", "lsItems", "CFAssociations",
            "lsAssociations", "CFSubjects", "CFItemTypes", "CFConcepts", "CFLicenses", "CFAssociationGroupings", "CFRubrics",
            "lsDefItemTypes");
    /** Objects that link to a node, of this package or another: a UUID or an absolute URI. */
    private static final Set<String> LINKS = Set.of("originNodeURI", "destinationNodeURI", "CFDocumentURI", "CFItemTypeURI",
            "CFPackageURI", "licenseURI", "subjectURI", "CFAssociationGroupingURI", "CFConceptURI", "CFSubjectURI", "CFLicenseURI",
            "CFRubricURI", "conceptKeywordsURI");
    private static final Map<String, Integer> TEXTS = Map.ofEntries(
            Map.entry("title", 1_000), Map.entry("creator", 1_000), Map.entry("publisher", 1_000), Map.entry("version", 100),
            Map.entry("adoptionStatus", 100), Map.entry("frameworkType", 100), Map.entry("language", 20), Map.entry("caseVersion", 10),
            Map.entry("CFItemType", 100), Map.entry("humanCodingScheme", 100), Map.entry("listEnumeration", 100),
            Map.entry("abbreviatedStatement", 1_000), Map.entry("hierarchyCode", 100), Map.entry("fullStatement", 10_000),
            Map.entry("notes", 10_000), Map.entry("description", 10_000), Map.entry("licenseText", MAX_ANY));
    private static final Set<String> URIS = Set.of("uri", "officialSourceURL");
    private static final Map<String, Integer> LISTS = Map.of("educationLevel", 50, "subject", 50, "keywords", 100,
            "conceptKeywords", 100);
    private static final Set<String> DEFINITION_LISTS = Set.of("CFItems", "lsItems", "CFAssociations", "lsAssociations",
            "CFSubjects", "CFItemTypes", "CFConcepts", "CFLicenses", "CFAssociationGroupings", "CFRubrics", "lsDefItemTypes",
            "subjectURI");

    private static final Set<String> OBJECTS = Set.of("CFDocument", "lsDoc", "CFDefinitions", "lsDefinitions", "CFPackage");

    private CaseShape() {
    }

    static void check(JsonNode root) {
        check(root, "$", "$");
    }

    private static void check(JsonNode node, String path, String name) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                String at = path + "." + safe(key);
                JsonNode value = field.getValue();
                if (value.isNull()) {
                    continue;
                }
                field(name, key, value, at);
                check(value, at, key);
            }
        } else if (node.isArray()) {
            int max = name.equals("CFAssociations") || name.equals("lsAssociations") ? MAX_ASSOCIATIONS : MAX_DEFINITIONS;
            if (DEFINITION_LISTS.contains(name) && !name.equals("CFItems") && !name.equals("lsItems") && node.size() > max) {
                throw new CasePackageException(path, "must hold at most " + max + " entries");
            }
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", name);
            }
        } else if (node.isTextual()) {
            String text = node.asText();
            if (text.length() > MAX_ANY) {
                throw new CasePackageException(path, "must be at most " + MAX_ANY + " characters");
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                    throw new CasePackageException(path, "must not contain control characters");
                }
            }
        }
    }

    /** The rules of one field of an object named {@code owner} (the key it hangs under in its parent). */
    private static void field(String owner, String key, JsonNode value, String at) {
        if (key.equals("identifier")) {
            String id = string(value, at, MAX_URI);
            if (OWN_IDENTIFIERS.contains(owner) && !UUID.matcher(id).matches()) {
                throw new CasePackageException(at, "must be a UUID");
            }
            if (LINKS.contains(owner) && !UUID.matcher(id).matches() && !URI.matcher(id).matches()) {
                throw new CasePackageException(at, "must be a UUID or an absolute URI");
            }
        } else if (URIS.contains(key)) {
            if (!URI.matcher(string(value, at, MAX_URI)).matches()) {
                throw new CasePackageException(at, "must be an absolute URI");
            }
        } else if (TEXTS.containsKey(key)) {
            if (key.equals("listEnumeration") && value.isNumber()) {
                return;
            }
            string(value, at, TEXTS.get(key));
        } else if (key.equals("associationType")) {
            if (!ASSOCIATION_TYPE.matcher(string(value, at, 100)).matches()) {
                throw new CasePackageException(at, "must be a CASE association type such as isChildOf or ext:myType");
            }
        } else if (key.equals("sequenceNumber")) {
            if (!(value.isNumber() || (value.isTextual() && value.asText().strip().matches("-?\\d{1,9}(\\.\\d{1,6})?")))) {
                throw new CasePackageException(at, "must be a number");
            }
        } else if (key.equals("lastChangeDateTime") || key.equals("statusStartDate") || key.equals("statusEndDate")) {
            date(string(value, at, 40), at);
        } else if (LISTS.containsKey(key)) {
            if (value.isArray()) {
                if (value.size() > LISTS.get(key)) {
                    throw new CasePackageException(at, "must hold at most " + LISTS.get(key) + " entries");
                }
                for (int i = 0; i < value.size(); i++) {
                    // grades may be written as numbers (4 for grade 4)
                    if (key.equals("educationLevel") && value.get(i).isNumber()) {
                        continue;
                    }
                    string(value.get(i), at + "[" + i + "]", 200);
                }
            } else if (!(key.equals("educationLevel") && value.isNumber())) {
                // one (comma-separated) string is accepted too
                string(value, at, 1_000);
            }
        } else if (LINKS.contains(key) && !value.isObject() && !value.isArray()) {
            throw new CasePackageException(at, "must be a link object {identifier, uri, title}");
        } else if (DEFINITION_LISTS.contains(key)) {
            if (!value.isArray()) {
                throw new CasePackageException(at, "must be an array");
            }
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isObject()) {
                    throw new CasePackageException(at + "[" + i + "]", "must be an object");
                }
            }
        } else if (OBJECTS.contains(key) && !value.isObject()) {
            throw new CasePackageException(at, "must be an object");
        }
    }

    private static String string(JsonNode value, String at, int max) {
        if (!value.isTextual()) {
            throw new CasePackageException(at, "must be a string");
        }
        String text = value.asText();
        if (text.length() > max) {
            throw new CasePackageException(at, "must be at most " + max + " characters");
        }
        return text;
    }

    private static void date(String text, String at) {
        String t = text.strip();
        try {
            OffsetDateTime.parse(t);
            return;
        } catch (DateTimeParseException notOffset) {
            // try the other ISO forms CASE exports use
        }
        try {
            LocalDateTime.parse(t);
            return;
        } catch (DateTimeParseException notLocal) {
            // a date alone
        }
        try {
            LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new CasePackageException(at, "must be an ISO-8601 date or date-time");
        }
    }

    private static String safe(String key) {
        String printable = key.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}

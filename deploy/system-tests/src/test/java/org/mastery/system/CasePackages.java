package org.mastery.system;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/**
 * A small CASE 1.0 package made for one test run (fresh identifiers, so each run imports a new
 * framework): a domain, a standard, and learning targets under it; {@code precedes} associations become
 * prerequisites.
 */
final class CasePackages {

    private static final String BASE = "https://case.system-test.example.org/ims/case/v1p0/";
    private static final String CHANGED = "2026-06-30T12:00:00+00:00";

    private final ObjectNode root = Api.JSON.createObjectNode();
    private final ArrayNode items;
    private final ArrayNode associations;
    private final String documentId = UUID.randomUUID().toString();
    private final String title;

    CasePackages(String title) {
        this.title = title;
        ObjectNode doc = root.putObject("CFDocument");
        doc.put("identifier", documentId);
        doc.put("uri", BASE + "CFDocuments/" + documentId);
        doc.put("creator", "Mastery system tests");
        doc.put("title", title);
        doc.put("lastChangeDateTime", CHANGED);
        doc.putArray("subject").add("Math");
        doc.put("language", "en");
        doc.put("adoptionStatus", "Adopted");
        doc.putArray("educationLevel").add("06");
        items = root.putArray("CFItems");
        associations = root.putArray("CFAssociations");
    }

    /** Adds an item; {@code parent} null puts it directly under the document. Answers its identifier. */
    String item(String code, String type, String statement, String parent) {
        String id = UUID.randomUUID().toString();
        ObjectNode item = items.addObject();
        item.put("identifier", id);
        item.put("uri", BASE + "CFItems/" + id);
        item.put("fullStatement", statement);
        item.put("humanCodingScheme", code);
        item.put("CFItemType", type);
        item.putArray("educationLevel").add("06");
        item.put("language", "en");
        item.put("lastChangeDateTime", CHANGED);
        association("isChildOf", id, code, parent == null ? documentId : parent, parent == null ? title : null, parent == null);
        return id;
    }

    /** {@code before} must be mastered before {@code after}. */
    void precedes(String before, String after) {
        association("precedes", before, null, after, null, false);
    }

    private void association(String type, String origin, String originTitle, String destination, String destinationTitle, boolean toDocument) {
        String id = UUID.randomUUID().toString();
        ObjectNode a = associations.addObject();
        a.put("identifier", id);
        a.put("uri", BASE + "CFAssociations/" + id);
        a.put("associationType", type);
        a.putObject("CFDocumentURI").put("title", title).put("identifier", documentId).put("uri", BASE + "CFDocuments/" + documentId);
        a.putObject("originNodeURI").put("title", originTitle == null ? origin : originTitle).put("identifier", origin)
                .put("uri", BASE + "CFItems/" + origin);
        a.putObject("destinationNodeURI").put("title", destinationTitle == null ? destination : destinationTitle).put("identifier", destination)
                .put("uri", BASE + (toDocument ? "CFDocuments/" : "CFItems/") + destination);
        a.put("lastChangeDateTime", CHANGED);
    }

    ObjectNode json() {
        return root;
    }
}

package org.mastery.curriculum.framework.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A large CASE 1.0 package generated deterministically, shaped like a published K-12 set: per grade
 * a domain, clusters under it, standards under each cluster; {@code precedes} chains within each
 * cluster and from each cluster to the next; and the usual mess (string sequence numbers, exemplar
 * links, references to other documents).
 */
public final class GeneratedCasePackage {

    private GeneratedCasePackage() {
    }

    /** {@code grades × (1 + clusters × (1 + standards))} items. */
    public static ObjectNode generate(ObjectMapper json, String documentKey, int grades, int clusters, int standards) {
        String doc = id(documentKey, "document");
        ObjectNode root = json.createObjectNode();
        ObjectNode d = root.putObject("CFDocument");
        d.put("identifier", doc);
        d.put("uri", "https://case.example.org/CFDocuments/" + doc);
        d.put("title", "Generated K-12 Mathematics Progressions (" + documentKey + ")");
        d.put("creator", "Mastery test generator");
        d.putArray("subject").add("Mathematics");
        d.put("lastChangeDateTime", "2026-01-01T00:00:00Z");
        ArrayNode items = root.putArray("CFItems");
        ArrayNode associations = root.putArray("CFAssociations");
        int assoc = 0;
        String previousClusterFirst = null;
        for (int g = 0; g < grades; g++) {
            String grade = g == 0 ? "KG" : String.format("%02d", g);
            String domainCode = "M." + grade;
            String domain = item(items, documentKey, domainCode, "Mathematics, grade " + grade, "Domain", grade);
            associations.add(association(documentKey, assoc++, "isChildOf", domain, doc, g + 1));
            for (int c = 0; c < clusters; c++) {
                String clusterCode = domainCode + "." + (char) ('A' + c);
                String cluster = item(items, documentKey, clusterCode, "Cluster " + clusterCode + " of related standards", "Cluster", grade);
                associations.add(association(documentKey, assoc++, "isChildOf", cluster, domain, String.valueOf(c + 1)));
                String previous = null;
                for (int s = 0; s < standards; s++) {
                    String code = clusterCode + "." + (s + 1);
                    String standard = item(items, documentKey, code, "Students can demonstrate skill " + code
                            + ": reason about quantities and explain the strategy used.", "Standard", grade);
                    associations.add(association(documentKey, assoc++, "isChildOf", standard, cluster, s % 2 == 0 ? s + 1 : (Object) String.valueOf(s + 1)));
                    if (previous != null) {
                        associations.add(association(documentKey, assoc++, "precedes", previous, standard, null));
                    } else if (previousClusterFirst != null) {
                        associations.add(association(documentKey, assoc++, "precedes", previousClusterFirst, standard, null));
                    }
                    if (s == 0) {
                        previousClusterFirst = standard;
                    }
                    if (s % 10 == 3) {
                        ObjectNode exemplar = association(documentKey, assoc++, "exemplar", standard, null, null);
                        ((ObjectNode) exemplar.get("destinationNodeURI")).put("uri", "https://tasks.example.org/" + code);
                        associations.add(exemplar);
                    }
                    if (s % 25 == 7) {
                        associations.add(association(documentKey, assoc++, "exactMatchOf", standard, id("other-state", code), null));
                    }
                    previous = standard;
                }
            }
        }
        return root;
    }

    private static String item(ArrayNode items, String documentKey, String code, String statement, String type, String grade) {
        String id = id(documentKey, code);
        ObjectNode item = items.addObject();
        item.put("identifier", id);
        item.put("uri", "https://case.example.org/CFItems/" + id);
        item.put("humanCodingScheme", code);
        item.put("fullStatement", statement);
        item.put("CFItemType", type);
        item.putArray("educationLevel").add(grade);
        item.put("lastChangeDateTime", "2026-01-01T00:00:00Z");
        return id;
    }

    private static ObjectNode association(String documentKey, int n, String type, String origin, String destination, Object sequence) {
        ObjectNode a = new ObjectMapper().createObjectNode();
        a.put("identifier", id(documentKey, "association-" + n));
        a.put("associationType", type);
        a.putObject("originNodeURI").put("identifier", origin).put("uri", "https://case.example.org/CFItems/" + origin).put("title", "origin");
        ObjectNode dest = a.putObject("destinationNodeURI");
        dest.put("identifier", destination == null ? id(documentKey, "exemplar-" + n) : destination);
        dest.put("uri", "https://case.example.org/CFItems/" + dest.get("identifier").asText());
        dest.put("title", "destination");
        if (sequence instanceof Integer i) {
            a.put("sequenceNumber", i);
        } else if (sequence != null) {
            a.put("sequenceNumber", sequence.toString());
        }
        return a;
    }

    private static String id(String documentKey, String name) {
        return UUID.nameUUIDFromBytes((documentKey + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }
}

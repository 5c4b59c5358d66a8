package org.mastery.reporting.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mastery.reporting.projection.query.ReadModelStore;
import org.mastery.reporting.projection.query.ReadModels;

/** Every projection document in a canonical form (keys sorted), for comparing two builds of the read models. */
public final class Snapshots {

    private Snapshots() {
    }

    public static Map<String, Map<String, JsonNode>> of(ReadModelStore store, List<String> collections) {
        Map<String, Map<String, JsonNode>> snapshot = new TreeMap<>();
        for (String collection : collections) {
            Map<String, JsonNode> docs = new TreeMap<>();
            for (ObjectNode doc : store.all(collection)) {
                docs.put(doc.path("_id").asText(), canonical(doc));
            }
            snapshot.put(collection, docs);
        }
        return snapshot;
    }

    /** Sorted keys everywhere, and numbers compared by value (3 and 3.0 are the same score). */
    public static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = ReadModels.JSON.createObjectNode();
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), canonical(e.getValue()));
            }
            fields.forEach(sorted::set);
            return sorted;
        }
        if (node.isArray()) {
            var array = ReadModels.JSON.createArrayNode();
            node.forEach(e -> array.add(canonical(e)));
            return array;
        }
        if (node.isNumber()) {
            return ReadModels.JSON.getNodeFactory().numberNode(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }
}

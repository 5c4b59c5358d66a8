package org.mastery.reporting.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mastery.reporting.projection.query.ReadModelStore;
import org.mastery.reporting.projection.query.ReadModels;

/** The read model store in memory, with MongoDB's semantics for the operations reporting uses. */
public class InMemoryReadModelStore implements ReadModelStore {

    private final Map<String, TreeMap<String, ObjectNode>> collections = new TreeMap<>();

    private TreeMap<String, ObjectNode> collection(String name) {
        return collections.computeIfAbsent(name, n -> new TreeMap<>());
    }

    private ObjectNode upsert(String collection, String id) {
        return collection(collection).computeIfAbsent(id, i -> {
            ObjectNode doc = ReadModels.JSON.createObjectNode();
            doc.put("_id", i);
            return doc;
        });
    }

    @Override
    public Optional<ObjectNode> find(String collection, String id) {
        return Optional.ofNullable(collection(collection).get(id)).map(ObjectNode::deepCopy);
    }

    @Override
    public Map<String, ObjectNode> findAll(String collection, Collection<String> ids) {
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        for (String id : ids) {
            find(collection, id).ifPresent(doc -> found.put(id, doc));
        }
        return found;
    }

    @Override
    public void replace(String collection, String id, ObjectNode document) {
        ObjectNode copy = document.deepCopy();
        copy.put("_id", id);
        collection(collection).put(id, copy);
    }

    @Override
    public void setFields(String collection, String id, Map<String, JsonNode> fields) {
        ObjectNode doc = upsert(collection, id);
        fields.forEach((name, value) -> doc.set(name, value.deepCopy()));
    }

    @Override
    public void setEntry(String collection, String id, String mapField, String key, JsonNode value) {
        ObjectNode doc = upsert(collection, id);
        JsonNode map = doc.get(mapField);
        if (map == null || !map.isObject()) {
            map = doc.putObject(mapField);
        }
        ((ObjectNode) map).set(key, value.deepCopy());
    }

    @Override
    public void removeEntry(String collection, String id, String mapField, String key) {
        ObjectNode doc = collection(collection).get(id);
        if (doc != null && doc.get(mapField) instanceof ObjectNode map) {
            map.remove(key);
        }
    }

    @Override
    public void delete(String collection, String id) {
        collection(collection).remove(id);
    }

    @Override
    public List<ObjectNode> all(String collection) {
        List<ObjectNode> all = new ArrayList<>();
        collection(collection).values().forEach(d -> all.add(d.deepCopy()));
        return all;
    }

    @Override
    public void drop(String collection) {
        collections.remove(collection);
    }
}

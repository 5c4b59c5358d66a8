package org.mastery.reporting.projection.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the writes of one batch of events and sends each document's final state once: a student
 * with twenty events in the batch is written once, not twenty times. Reads see the batch's own writes.
 * Whole documents (replace, delete) are written whole; documents shared by many students keep being
 * changed field by field and entry by entry, so that concurrent writers of other entries are not
 * overwritten. Nothing reaches the store before {@link #flush()}.
 */
public class BufferedReadModelStore implements ReadModelStore {

    private record Key(String collection, String id) {
    }

    private final ReadModelStore delegate;
    /** Documents as this batch sees them (null: absent); only those that were read or replaced. */
    private final Map<Key, ObjectNode> view = new HashMap<>();
    /** Documents to write whole (true) or delete (false). */
    private final Map<Key, Boolean> whole = new LinkedHashMap<>();
    private final Map<Key, LinkedHashMap<String, JsonNode>> fieldSets = new LinkedHashMap<>();
    /** Per document: map field + key → value to set (or null to remove), last one wins. */
    private final Map<Key, LinkedHashMap<List<String>, JsonNode>> entryOps = new LinkedHashMap<>();

    public BufferedReadModelStore(ReadModelStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<ObjectNode> find(String collection, String id) {
        Key key = new Key(collection, id);
        if (!view.containsKey(key)) {
            view.put(key, withPending(key, delegate.find(collection, id).orElse(null)));
        }
        ObjectNode doc = view.get(key);
        return doc == null ? Optional.empty() : Optional.of(doc.deepCopy());
    }

    @Override
    public Map<String, ObjectNode> findAll(String collection, Collection<String> ids) {
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (!view.containsKey(new Key(collection, id))) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, ObjectNode> loaded = delegate.findAll(collection, missing);
            for (String id : missing) {
                Key key = new Key(collection, id);
                view.put(key, withPending(key, loaded.get(id)));
            }
        }
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        for (String id : ids) {
            ObjectNode doc = view.get(new Key(collection, id));
            if (doc != null) {
                found.put(id, doc.deepCopy());
            }
        }
        return found;
    }

    @Override
    public void replace(String collection, String id, ObjectNode document) {
        Key key = new Key(collection, id);
        ObjectNode copy = document.deepCopy();
        copy.put("_id", id);
        view.put(key, copy);
        whole.remove(key);
        whole.put(key, true);
        fieldSets.remove(key);
        entryOps.remove(key);
    }

    @Override
    public void setFields(String collection, String id, Map<String, JsonNode> fields) {
        Key key = new Key(collection, id);
        if (view.containsKey(key)) {
            ObjectNode doc = upserted(key);
            fields.forEach((name, value) -> doc.set(name, value.deepCopy()));
        }
        if (!whole.containsKey(key)) {
            fieldSets.computeIfAbsent(key, k -> new LinkedHashMap<>()).putAll(fields);
        } else {
            whole.put(key, true);
        }
    }

    @Override
    public void setEntry(String collection, String id, String mapField, String entryKey, JsonNode value) {
        Key key = new Key(collection, id);
        if (view.containsKey(key)) {
            ObjectNode doc = upserted(key);
            JsonNode map = doc.get(mapField);
            if (map == null || !map.isObject()) {
                map = doc.putObject(mapField);
            }
            ((ObjectNode) map).set(entryKey, value.deepCopy());
        }
        if (!whole.containsKey(key)) {
            entryOps.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(List.of(mapField, entryKey), value.deepCopy());
        } else {
            whole.put(key, true);
        }
    }

    @Override
    public void removeEntry(String collection, String id, String mapField, String entryKey) {
        Key key = new Key(collection, id);
        if (view.containsKey(key) && view.get(key) != null && view.get(key).get(mapField) instanceof ObjectNode map) {
            map.remove(entryKey);
        }
        if (!whole.containsKey(key)) {
            entryOps.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(List.of(mapField, entryKey), null);
        }
    }

    @Override
    public void delete(String collection, String id) {
        Key key = new Key(collection, id);
        view.put(key, null);
        whole.remove(key);
        whole.put(key, false);
        fieldSets.remove(key);
        entryOps.remove(key);
    }

    @Override
    public List<ObjectNode> all(String collection) {
        flush();
        return delegate.all(collection);
    }

    @Override
    public void drop(String collection) {
        flush();
        delegate.drop(collection);
        view.keySet().removeIf(k -> k.collection().equals(collection));
    }

    /**
     * Sends every document's final state to the store, and starts afresh. The process may stop at any
     * point of this, and the batch is then delivered again; a projector that writes what it derives
     * before the document it derives it from relies on that order reaching the store: so the shared
     * documents' fields and entries go first, then the whole documents in the order of their last
     * write.
     */
    public void flush() {
        fieldSets.forEach((key, fields) -> delegate.setFields(key.collection(), key.id(), fields));
        entryOps.forEach((key, ops) -> ops.forEach((path, value) -> {
            if (value == null) {
                delegate.removeEntry(key.collection(), key.id(), path.get(0), path.get(1));
            } else {
                delegate.setEntry(key.collection(), key.id(), path.get(0), path.get(1), value);
            }
        }));
        whole.forEach((key, write) -> {
            if (write && view.get(key) != null) {
                delegate.replace(key.collection(), key.id(), view.get(key));
            } else {
                delegate.delete(key.collection(), key.id());
            }
        });
        view.clear();
        whole.clear();
        fieldSets.clear();
        entryOps.clear();
    }

    private ObjectNode upserted(Key key) {
        ObjectNode doc = view.get(key);
        if (doc == null) {
            doc = ReadModels.JSON.createObjectNode();
            doc.put("_id", key.id());
            view.put(key, doc);
        }
        return doc;
    }

    /** A document read from the store with this batch's pending field and entry changes applied. */
    private ObjectNode withPending(Key key, ObjectNode stored) {
        ObjectNode doc = stored;
        Map<String, JsonNode> fields = fieldSets.get(key);
        Map<List<String>, JsonNode> ops = entryOps.get(key);
        if (fields == null && ops == null) {
            return doc;
        }
        if (doc == null && (fields != null || ops.values().stream().anyMatch(v -> v != null))) {
            doc = ReadModels.JSON.createObjectNode();
            doc.put("_id", key.id());
        }
        if (doc == null) {
            return null;
        }
        if (fields != null) {
            ObjectNode d = doc;
            fields.forEach((name, value) -> d.set(name, value.deepCopy()));
        }
        if (ops != null) {
            for (Map.Entry<List<String>, JsonNode> op : ops.entrySet()) {
                JsonNode map = doc.get(op.getKey().get(0));
                if (op.getValue() == null) {
                    if (map instanceof ObjectNode m) {
                        m.remove(op.getKey().get(1));
                    }
                } else {
                    if (map == null || !map.isObject()) {
                        map = doc.putObject(op.getKey().get(0));
                    }
                    ((ObjectNode) map).set(op.getKey().get(1), op.getValue().deepCopy());
                }
            }
        }
        return doc;
    }
}

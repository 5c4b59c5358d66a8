package org.mastery.reporting.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mastery.reporting.projection.query.ReadModelStore;

/** A read model store that passes everything on to another, with a hook before each write. */
public class ForwardingReadModelStore implements ReadModelStore {

    private final ReadModelStore delegate;

    public ForwardingReadModelStore(ReadModelStore delegate) {
        this.delegate = delegate;
    }

    /** Called before every write (replace, field or entry change, delete, drop). */
    protected void beforeWrite() {
    }

    @Override
    public Optional<ObjectNode> find(String collection, String id) {
        return delegate.find(collection, id);
    }

    @Override
    public Map<String, ObjectNode> findAll(String collection, Collection<String> ids) {
        return delegate.findAll(collection, ids);
    }

    @Override
    public void replace(String collection, String id, ObjectNode document) {
        beforeWrite();
        delegate.replace(collection, id, document);
    }

    @Override
    public void setFields(String collection, String id, Map<String, JsonNode> fields) {
        beforeWrite();
        delegate.setFields(collection, id, fields);
    }

    @Override
    public void setEntry(String collection, String id, String mapField, String key, JsonNode value) {
        beforeWrite();
        delegate.setEntry(collection, id, mapField, key, value);
    }

    @Override
    public void removeEntry(String collection, String id, String mapField, String key) {
        beforeWrite();
        delegate.removeEntry(collection, id, mapField, key);
    }

    @Override
    public void delete(String collection, String id) {
        beforeWrite();
        delegate.delete(collection, id);
    }

    @Override
    public List<ObjectNode> all(String collection) {
        return delegate.all(collection);
    }

    @Override
    public void drop(String collection) {
        beforeWrite();
        delegate.drop(collection);
    }
}

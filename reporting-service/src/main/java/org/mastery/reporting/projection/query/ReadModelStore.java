package org.mastery.reporting.projection.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where reporting keeps its read models: JSON documents found and written by {@code _id} only (the
 * MongoDB stand-in scans for anything else). Documents shared by many students (a class map, a school
 * roll) are only ever changed one entry at a time ({@link #setEntry}, {@link #removeEntry}), which
 * MongoDB applies atomically, so writers of different students never overwrite each other.
 */
public interface ReadModelStore {

    Optional<ObjectNode> find(String collection, String id);

    /** The documents with these ids that exist, by id (one {@code _id $in} query). */
    Map<String, ObjectNode> findAll(String collection, Collection<String> ids);

    /** Replaces (or creates) the whole document. */
    void replace(String collection, String id, ObjectNode document);

    /** Sets top-level fields, creating the document if needed. */
    void setFields(String collection, String id, Map<String, JsonNode> fields);

    /** Sets {@code mapField[key] = value}, creating the document if needed. */
    void setEntry(String collection, String id, String mapField, String key, JsonNode value);

    /** Removes {@code mapField[key]} if present. */
    void removeEntry(String collection, String id, String mapField, String key);

    void delete(String collection, String id);

    /** Every document of a collection (rebuild checks and tests only: this scans). */
    List<ObjectNode> all(String collection);

    void drop(String collection);
}

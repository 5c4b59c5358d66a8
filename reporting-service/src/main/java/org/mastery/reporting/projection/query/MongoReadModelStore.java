package org.mastery.reporting.projection.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * {@link ReadModelStore} on MongoDB. Every query is an exact {@code _id} match (or {@code _id $in}),
 * which the stand-in answers from its unique index. Map keys are ids chosen by other services; they
 * are escaped so that a '.' or '$' in an id can never turn into a field path.
 */
public class MongoReadModelStore implements ReadModelStore {

    private static final ReplaceOptions UPSERT_REPLACE = new ReplaceOptions().upsert(true);
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoDatabase database;
    private final ObjectMapper json;

    public MongoReadModelStore(MongoDatabase database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    @Override
    public Optional<ObjectNode> find(String collection, String id) {
        Document document = collection(collection).find(new Document("_id", id)).first();
        return Optional.ofNullable(document).map(this::toNode);
    }

    @Override
    public Map<String, ObjectNode> findAll(String collection, Collection<String> ids) {
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document document : collection(collection).find(new Document("_id", new Document("$in", new ArrayList<>(ids))))) {
            found.put(document.getString("_id"), toNode(document));
        }
        return found;
    }

    @Override
    public void replace(String collection, String id, ObjectNode document) {
        ObjectNode copy = document.deepCopy();
        copy.put("_id", id);
        collection(collection).replaceOne(new Document("_id", id), toDocument(copy), UPSERT_REPLACE);
    }

    @Override
    public void setFields(String collection, String id, Map<String, JsonNode> fields) {
        Document set = new Document();
        fields.forEach((name, value) -> set.append(name, toBson(value)));
        collection(collection).updateOne(new Document("_id", id), new Document("$set", set), UPSERT);
    }

    @Override
    public void setEntry(String collection, String id, String mapField, String key, JsonNode value) {
        collection(collection).updateOne(new Document("_id", id),
                new Document("$set", new Document(mapField + "." + Keys.encode(key), toBson(value))), UPSERT);
    }

    @Override
    public void removeEntry(String collection, String id, String mapField, String key) {
        collection(collection).updateOne(new Document("_id", id),
                new Document("$unset", new Document(mapField + "." + Keys.encode(key), "")));
    }

    @Override
    public void delete(String collection, String id) {
        collection(collection).deleteOne(new Document("_id", id));
    }

    @Override
    public List<ObjectNode> all(String collection) {
        List<ObjectNode> all = new ArrayList<>();
        for (Document document : collection(collection).find()) {
            all.add(toNode(document));
        }
        return all;
    }

    @Override
    public void drop(String collection) {
        collection(collection).drop();
    }

    private Document toDocument(ObjectNode node) {
        return Document.parse(write(Keys.encodeTree(node)));
    }

    private Object toBson(JsonNode value) {
        if (value.isObject()) {
            return toDocument((ObjectNode) value);
        }
        // wrap non-objects so that the driver parses them with the same rules as documents
        ObjectNode holder = json.createObjectNode();
        holder.set("v", Keys.encodeTree(value));
        return Document.parse(write(holder)).get("v");
    }

    private ObjectNode toNode(Document document) {
        try {
            return (ObjectNode) Keys.decodeTree(json.readTree(document.toJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable read model document " + document.get("_id"), e);
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Escapes '%', '.' and '$' in field names, reversibly. */
    static final class Keys {

        private Keys() {
        }

        static String encode(String key) {
            return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
        }

        static String decode(String key) {
            return key.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
        }

        static JsonNode encodeTree(JsonNode node) {
            return map(node, true);
        }

        static JsonNode decodeTree(JsonNode node) {
            return map(node, false);
        }

        private static JsonNode map(JsonNode node, boolean encode) {
            if (node.isObject()) {
                ObjectNode copy = ((ObjectNode) node).objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    String name = field.getKey().equals("_id") ? "_id" : encode ? encode(field.getKey()) : decode(field.getKey());
                    copy.set(name, map(field.getValue(), encode));
                }
                return copy;
            }
            if (node.isArray()) {
                var copy = ((com.fasterxml.jackson.databind.node.ArrayNode) node).arrayNode();
                node.forEach(element -> copy.add(map(element, encode)));
                return copy;
            }
            return node;
        }
    }
}

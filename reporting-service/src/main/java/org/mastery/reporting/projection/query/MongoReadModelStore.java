package org.mastery.reporting.projection.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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

    public MongoReadModelStore(MongoDatabase database) {
        this.database = database;
    }

    private MongoCollection<Document> collection(String name) {
        return database.getCollection(name);
    }

    @Override
    public Optional<ObjectNode> find(String collection, String id) {
        Document document = collection(collection).find(new Document("_id", id)).first();
        return Optional.ofNullable(document).map(MongoReadModelStore::toNode);
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

    /**
     * JSON trees and BSON documents are converted by walking them, field names escaped on the way in
     * and restored on the way out. Integral numbers become 32-bit integers where they fit (64-bit
     * otherwise) and are read back the same way, so a document reads back equal to what was written.
     */
    static Document toDocument(ObjectNode node) {
        return (Document) toBson(node);
    }

    static Object toBson(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Document document = new Document();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    document.append(field.getKey().equals("_id") ? "_id" : Keys.encode(field.getKey()), toBson(field.getValue()));
                }
                return document;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(toBson(element)));
                return list;
            }
            case STRING -> {
                return node.textValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    return node.doubleValue();
                }
                if (node.canConvertToInt()) {
                    return node.intValue();
                }
                if (node.canConvertToLong()) {
                    return node.longValue();
                }
                return node.doubleValue();
            }
            case NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("a read model holds JSON values only, not " + node.getNodeType());
        }
    }

    static ObjectNode toNode(Document document) {
        return (ObjectNode) toJson(document);
    }

    private static JsonNode toJson(Object value) {
        if (value instanceof Document document) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            document.forEach((key, field) -> node.set(key.equals("_id") ? "_id" : Keys.decode(key), toJson(field)));
            return node;
        }
        if (value instanceof List<?> list) {
            ArrayNode node = JsonNodeFactory.instance.arrayNode(list.size());
            list.forEach(element -> node.add(toJson(element)));
            return node;
        }
        if (value == null) {
            return NullNode.instance;
        }
        if (value instanceof String text) {
            return TextNode.valueOf(text);
        }
        if (value instanceof Boolean bool) {
            return BooleanNode.valueOf(bool);
        }
        if (value instanceof Integer number) {
            return IntNode.valueOf(number);
        }
        if (value instanceof Long number) {
            return number == number.intValue() ? IntNode.valueOf(number.intValue()) : LongNode.valueOf(number);
        }
        if (value instanceof Double number) {
            return DoubleNode.valueOf(number);
        }
        throw new IllegalStateException("a read model document holds a " + value.getClass().getSimpleName() + ", not a JSON value");
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
    }
}

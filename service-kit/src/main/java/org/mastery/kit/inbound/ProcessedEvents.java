package org.mastery.kit.inbound;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * The event ids each consumer has applied, one MongoDB document per (consumer, event id) found by
 * {@code _id}. A consumer checks before applying and marks after; MongoDB writes are not
 * transactional here, so what a consumer applies must itself be safe to apply twice.
 */
public class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private final MongoCollection<Document> collection;

    public ProcessedEvents(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public boolean contains(String consumer, String eventId) {
        return collection.find(new Document("_id", key(consumer, eventId))).limit(1).first() != null;
    }

    public void markProcessed(String consumer, InboundEvent event) {
        try {
            collection.insertOne(mark(consumer, event, Instant.now().toString()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Forgets what a consumer has applied, so that a rebuild applies everything again. */
    public long forget(String consumer) {
        return collection.deleteMany(Filters.regex("_id", "^" + java.util.regex.Pattern.quote(consumer + "|"))).getDeletedCount();
    }

    /** Which of these events the consumer has applied: one query for a whole batch. */
    public Set<String> applied(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<String> keys = eventIds.stream().map(id -> key(consumer, id)).distinct().toList();
        Set<String> applied = new HashSet<>();
        for (Document found : collection.find(Filters.in("_id", keys)).projection(Projections.include("_id"))) {
            applied.add(found.getString("_id").substring(consumer.length() + 1));
        }
        return applied;
    }

    /** Marks a batch of events applied in one write; those marked before stay as they are. */
    public void markProcessed(String consumer, List<InboundEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        String at = Instant.now().toString();
        List<Document> marks = events.stream().map(event -> mark(consumer, event, at)).toList();
        try {
            collection.insertMany(marks, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private static Document mark(String consumer, InboundEvent event, String at) {
        return new Document("_id", key(consumer, event.id())).append("type", event.type()).append("at", at);
    }

    static String key(String consumer, String eventId) {
        return consumer + "|" + eventId;
    }
}

package org.mastery.kit.inbound;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Instant;
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
            collection.insertOne(new Document("_id", key(consumer, event.id()))
                    .append("type", event.type())
                    .append("at", Instant.now().toString()));
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

    static String key(String consumer, String eventId) {
        return consumer + "|" + eventId;
    }
}

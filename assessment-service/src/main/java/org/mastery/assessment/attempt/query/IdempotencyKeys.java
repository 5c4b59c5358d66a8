package org.mastery.assessment.attempt.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key}s callers have used, one MongoDB document per (caller, key) by
 * {@code _id} (the key's digest), with a digest of what the request was for. The key's digest also travels in the command, so the
 * aggregate itself answers a retry with the attempt it already started, even when two retries race.
 * This store adds the rule that one key cannot be reused for a different request.
 */
@Component
public class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public IdempotencyKeys(MongoTemplate mongo, Clock clock) {
        this.collection = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    /**
     * Records that the caller's key is used for {@code request} (a description of what is asked); a
     * key already used for something else is refused.
     */
    public void reserve(String requestKey, String request) {
        if (requestKey == null) {
            return;
        }
        String fingerprint = sha256(request);
        try {
            collection.insertOne(new Document("_id", requestKey).append("request", fingerprint)
                    .append("firstUsedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = collection.find(new Document("_id", requestKey)).first();
            if (existing != null && !fingerprint.equals(existing.getString("request"))) {
                throw new IdempotencyKeyReusedException();
            }
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key was used before for a different request (answered 422). */
    public static class IdempotencyKeyReusedException extends RuntimeException {
        public IdempotencyKeyReusedException() {
            super("This Idempotency-Key was already used for a different request; use a new key for a new request");
        }
    }
}

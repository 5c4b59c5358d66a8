package org.mastery.assessment.attempt.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What a student wrote or linked and what a teacher wrote back: free text about a student, kept out
 * of the immutable event log in this deletable store (one document per attempt), so a student can
 * be forgotten without editing events.
 */
@Component
public class AttemptPrivateRecords {

    static final String COLLECTION = "attempt_private";

    private final MongoCollection<Document> collection;

    public AttemptPrivateRecords(MongoTemplate mongo) {
        this.collection = mongo.getCollection(COLLECTION);
    }

    /** The attempt's responses, evidence links and feedback. */
    public record PrivateRecord(Map<String, String> responses, List<String> evidenceUris, List<Feedback> feedback) {
    }

    /** Feedback a teacher gave, with the scoring round it came with. */
    public record Feedback(String authorId, int round, Instant givenAt, String text) {
    }

    public void saveSubmission(String attemptId, String studentId, Map<String, String> responses, List<String> evidenceUris) {
        collection.updateOne(new Document("_id", attemptId), new Document("$set", new Document("studentId", studentId)
                .append("responses", new Document(new LinkedHashMap<String, Object>(responses)))
                .append("evidenceUris", new ArrayList<>(evidenceUris))), new UpdateOptions().upsert(true));
    }

    public void addFeedback(String attemptId, String studentId, Feedback feedback) {
        collection.updateOne(new Document("_id", attemptId), new Document("$set", new Document("studentId", studentId))
                .append("$push", new Document("feedback", new Document("authorId", feedback.authorId())
                        .append("round", feedback.round()).append("givenAt", Date.from(feedback.givenAt()))
                        .append("text", feedback.text()))), new UpdateOptions().upsert(true));
    }

    public Optional<PrivateRecord> find(String attemptId) {
        Document document = collection.find(new Document("_id", attemptId)).first();
        if (document == null) {
            return Optional.empty();
        }
        Map<String, String> responses = new LinkedHashMap<>();
        Document stored = document.get("responses", Document.class);
        if (stored != null) {
            stored.forEach((k, v) -> responses.put(k, v == null ? null : v.toString()));
        }
        List<Feedback> feedback = new ArrayList<>();
        for (Document entry : document.getList("feedback", Document.class, List.of())) {
            feedback.add(new Feedback(entry.getString("authorId"), entry.getInteger("round", 0),
                    entry.getDate("givenAt").toInstant(), entry.getString("text")));
        }
        return Optional.of(new PrivateRecord(responses, document.getList("evidenceUris", String.class, List.of()), feedback));
    }
}

package org.mastery.assessment.attempt.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Attempts awaiting rubric scoring, one document per student ({@code _id} = student id), so that a
 * teacher's queue is one {@code _id $in} read over the students of their classes.
 */
@Component
public class ScoringQueue {

    static final String COLLECTION = "scoring_queue";

    private final MongoCollection<Document> collection;

    public ScoringQueue(MongoTemplate mongo) {
        this.collection = mongo.getCollection(COLLECTION);
    }

    /** One attempt waiting for a teacher. */
    public record PendingAttempt(String attemptId, String studentId, String assessmentId, int attemptNumber, String formId,
                                 Instant submittedAt) {
    }

    /** The attempts of these students awaiting scoring, oldest submission first. */
    public List<PendingAttempt> pendingFor(Collection<String> studentIds) {
        List<PendingAttempt> pending = new ArrayList<>();
        if (studentIds.isEmpty()) {
            return pending;
        }
        for (Document document : collection.find(new Document("_id", new Document("$in", new ArrayList<>(new HashSet<>(studentIds)))))) {
            List<Document> entries = document.getList("pending", Document.class);
            if (entries == null) {
                continue;
            }
            for (Document entry : entries) {
                pending.add(new PendingAttempt(entry.getString("attemptId"), document.getString("_id"), entry.getString("assessmentId"),
                        entry.getInteger("attemptNumber", 0), entry.getString("formId"), entry.getDate("submittedAt").toInstant()));
            }
        }
        pending.sort(Comparator.comparing(PendingAttempt::submittedAt).thenComparing(PendingAttempt::attemptId));
        return pending;
    }

    void add(PendingAttempt attempt) {
        Document document = load(attempt.studentId());
        List<Document> entries = new ArrayList<>(document.getList("pending", Document.class, List.of()));
        if (entries.stream().anyMatch(e -> attempt.attemptId().equals(e.getString("attemptId")))) {
            return;
        }
        entries.add(new Document("attemptId", attempt.attemptId()).append("assessmentId", attempt.assessmentId())
                .append("attemptNumber", attempt.attemptNumber()).append("formId", attempt.formId())
                .append("submittedAt", Date.from(attempt.submittedAt())));
        document.put("pending", entries);
        collection.replaceOne(new Document("_id", attempt.studentId()), document, new ReplaceOptions().upsert(true));
    }

    void remove(String studentId, String attemptId) {
        Document document = collection.find(new Document("_id", studentId)).first();
        if (document == null) {
            return;
        }
        List<Document> entries = new ArrayList<>(document.getList("pending", Document.class, List.of()));
        if (entries.removeIf(e -> attemptId.equals(e.getString("attemptId")))) {
            document.put("pending", entries);
            collection.replaceOne(new Document("_id", studentId), document);
        }
    }

    private Document load(String studentId) {
        Document document = collection.find(new Document("_id", studentId)).first();
        return document != null ? document : new Document("_id", studentId);
    }
}

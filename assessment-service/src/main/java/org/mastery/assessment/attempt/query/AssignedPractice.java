package org.mastery.assessment.attempt.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Practice progression has assigned (its open intervention recommendations), one document per
 * student, so that a refused retake can say what to do to unlock it.
 */
@Component
public class AssignedPractice {

    static final String COLLECTION = "assigned_practice";

    private final MongoCollection<Document> collection;

    public AssignedPractice(MongoTemplate mongo) {
        this.collection = mongo.getCollection(COLLECTION);
    }

    /** An open intervention on a competency. */
    public record Practice(String interventionId, String competencyId, String reason) {
    }

    /** The open interventions of a student on any of these competencies. */
    public List<Practice> openFor(String studentId, Collection<String> competencyIds) {
        Document document = collection.find(new Document("_id", studentId)).first();
        List<Practice> open = new ArrayList<>();
        if (document == null) {
            return open;
        }
        for (Document entry : document.getList("interventions", Document.class, List.of())) {
            if (competencyIds.contains(entry.getString("competencyId"))) {
                open.add(new Practice(entry.getString("interventionId"), entry.getString("competencyId"), entry.getString("reason")));
            }
        }
        return open;
    }

    public void recommend(String studentId, String interventionId, String competencyId, String reason) {
        Document document = collection.find(new Document("_id", studentId)).first();
        if (document == null) {
            document = new Document("_id", studentId);
        }
        List<Document> entries = new ArrayList<>(document.getList("interventions", Document.class, List.of()));
        if (entries.stream().anyMatch(e -> interventionId.equals(e.getString("interventionId")))) {
            return;
        }
        entries.add(new Document("interventionId", interventionId).append("competencyId", competencyId).append("reason", reason));
        document.put("interventions", entries);
        collection.replaceOne(new Document("_id", studentId), document, new ReplaceOptions().upsert(true));
    }

    public void resolve(String studentId, String interventionId) {
        Document document = collection.find(new Document("_id", studentId)).first();
        if (document == null) {
            return;
        }
        List<Document> entries = new ArrayList<>(document.getList("interventions", Document.class, List.of()));
        if (entries.removeIf(e -> interventionId.equals(e.getString("interventionId")))) {
            document.put("interventions", entries);
            collection.replaceOne(new Document("_id", studentId), document);
        }
    }
}

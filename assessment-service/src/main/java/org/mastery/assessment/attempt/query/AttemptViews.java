package org.mastery.assessment.attempt.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The attempt read model in MongoDB, read and written by {@code _id}. */
@Component
public class AttemptViews {

    static final String COLLECTION = "attempt_views";

    private final MongoCollection<Document> collection;
    private final ObjectMapper objectMapper;

    public AttemptViews(MongoTemplate mongo, ObjectMapper objectMapper) {
        this.collection = mongo.getCollection(COLLECTION);
        this.objectMapper = objectMapper;
    }

    public Optional<AttemptView> find(String attemptId) {
        Document document = collection.find(new Document("_id", attemptId)).first();
        if (document == null) {
            return Optional.empty();
        }
        Document copy = new Document(document);
        copy.remove("_id");
        try {
            return Optional.of(objectMapper.readValue(copy.toJson(), AttemptView.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not read the view of attempt " + attemptId, e);
        }
    }

    void save(AttemptView view) {
        Document document;
        try {
            document = Document.parse(objectMapper.writeValueAsString(view));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the view of attempt " + view.attemptId, e);
        }
        document.put("_id", view.attemptId);
        collection.replaceOne(new Document("_id", view.attemptId), document, new ReplaceOptions().upsert(true));
    }
}

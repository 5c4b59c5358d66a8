package org.mastery.assessment.assessment.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The assessment read model in MongoDB, one document per assessment by {@code _id}. A document not
 * yet written (the projection trails the command by milliseconds) is answered from the event store.
 */
@Component
public class AssessmentViews {

    static final String COLLECTION = "assessment_views";

    private final MongoCollection<Document> collection;
    private final ObjectMapper objectMapper;
    private final AssessmentDefinitions definitions;

    public AssessmentViews(MongoTemplate mongo, ObjectMapper objectMapper, AssessmentDefinitions definitions) {
        this.collection = mongo.getCollection(COLLECTION);
        this.objectMapper = objectMapper;
        this.definitions = definitions;
    }

    public Optional<AssessmentView> find(String assessmentId) {
        Document document = collection.find(new Document("_id", assessmentId)).first();
        if (document != null) {
            return Optional.of(fromDocument(document));
        }
        return definitions.find(assessmentId).map(AssessmentView::of);
    }

    /** Titles of the given assessments, for listings. */
    public Map<String, String> titles(Collection<String> assessmentIds) {
        Map<String, String> titles = new LinkedHashMap<>();
        if (assessmentIds.isEmpty()) {
            return titles;
        }
        for (Document document : collection.find(new Document("_id", new Document("$in", new ArrayList<>(new HashSet<>(assessmentIds)))))) {
            titles.put(document.getString("_id"), document.getString("title"));
        }
        return titles;
    }

    void save(AssessmentView view) {
        Document document = Document.parse(json(view));
        document.put("_id", view.assessmentId());
        collection.replaceOne(new Document("_id", view.assessmentId()), document, new ReplaceOptions().upsert(true));
    }

    private String json(AssessmentView view) {
        try {
            return objectMapper.writeValueAsString(view);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write the view of " + view.assessmentId(), e);
        }
    }

    private AssessmentView fromDocument(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        try {
            return objectMapper.readValue(copy.toJson(), AssessmentView.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not read the view of " + document.get("_id"), e);
        }
    }
}

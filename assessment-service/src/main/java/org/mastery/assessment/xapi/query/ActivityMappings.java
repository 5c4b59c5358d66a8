package org.mastery.assessment.xapi.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.config.XapiProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The activity-id → assessment/competency mapping: from configuration, overridden by mappings set
 * through the API (kept in MongoDB, one document per activity id by {@code _id}).
 */
@Component
public class ActivityMappings {

    static final String COLLECTION = "xapi_activity_mappings";

    private final MongoCollection<Document> collection;
    private final Map<String, ActivityMapping> configured = new LinkedHashMap<>();

    public ActivityMappings(MongoTemplate mongo, XapiProperties properties) {
        this.collection = mongo.getCollection(COLLECTION);
        for (XapiProperties.Activity activity : properties.activities()) {
            configured.put(activity.activityId(), new ActivityMapping(activity.activityId(), activity.assessmentId(),
                    activity.competencyIds(), activity.method() == null ? null : AssessmentMethod.valueOf(activity.method()),
                    "CONFIGURATION", null, null));
        }
    }

    public Optional<ActivityMapping> find(String activityId) {
        Document document = collection.find(new Document("_id", activityId)).first();
        if (document != null) {
            return Optional.of(fromDocument(document));
        }
        return Optional.ofNullable(configured.get(activityId));
    }

    /** Every mapping (a small configuration set, read whole). */
    public List<ActivityMapping> all() {
        Map<String, ActivityMapping> all = new LinkedHashMap<>(configured);
        for (Document document : collection.find()) {
            ActivityMapping mapping = fromDocument(document);
            all.put(mapping.activityId(), mapping);
        }
        return new ArrayList<>(all.values());
    }

    public void save(ActivityMapping mapping) {
        Document document = new Document("_id", mapping.activityId())
                .append("assessmentId", mapping.assessmentId())
                .append("competencyIds", mapping.competencyIds())
                .append("method", mapping.method() == null ? null : mapping.method().name())
                .append("updatedBy", mapping.updatedBy())
                .append("updatedAt", mapping.updatedAt() == null ? null : Date.from(mapping.updatedAt()));
        collection.replaceOne(new Document("_id", mapping.activityId()), document, new ReplaceOptions().upsert(true));
    }

    private static ActivityMapping fromDocument(Document document) {
        String method = document.getString("method");
        Date updatedAt = document.getDate("updatedAt");
        return new ActivityMapping(document.getString("_id"), document.getString("assessmentId"),
                document.getList("competencyIds", String.class, List.of()), method == null ? null : AssessmentMethod.valueOf(method),
                "API", document.getString("updatedBy"), updatedAt == null ? null : updatedAt.toInstant());
    }
}

package org.mastery.assessment.competency.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.ProficiencyLevel;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The local view of curriculum's competencies: one document per competency and one per framework,
 * read and written by {@code _id} only. Every update is safe to apply twice and older definition
 * versions never overwrite newer ones, so redelivered or repeated events change nothing.
 */
@Component
public class CompetencyCatalog {

    static final String COMPETENCIES = "competency_catalog";
    static final String FRAMEWORKS = "competency_frameworks";
    static final String PUBLISHED = "PUBLISHED";
    /** SPEC section 3's default scale: 1 Beginning … 4 Advanced, cut 3. */
    static final List<Integer> DEFAULT_LEVELS = List.of(1, 2, 3, 4);
    static final double DEFAULT_CUT = 3.0;

    private final MongoCollection<Document> competencies;
    private final MongoCollection<Document> frameworks;

    public CompetencyCatalog(MongoTemplate mongo) {
        this.competencies = mongo.getCollection(COMPETENCIES);
        this.frameworks = mongo.getCollection(FRAMEWORKS);
    }

    public Optional<CatalogCompetency> find(String competencyId) {
        return Optional.ofNullable(competencies.find(new Document("_id", competencyId)).first()).map(this::toCompetency);
    }

    /** The known competencies among {@code ids} (one query on {@code _id}). */
    public Map<String, CatalogCompetency> findAll(Collection<String> ids) {
        Map<String, CatalogCompetency> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document document : competencies.find(new Document("_id", new Document("$in", new ArrayList<>(new HashSet<>(ids)))))) {
            CatalogCompetency competency = toCompetency(document);
            found.put(competency.competencyId(), competency);
        }
        return found;
    }

    // ---- writes, from curriculum events

    /** A definition (first or revised); ignored when an equal or newer version is already known. */
    public void define(CompetencyDefinition definition) {
        Document existing = competencies.find(new Document("_id", definition.competencyId())).first();
        if (existing != null && existing.getInteger("competencyVersion", 0) > definition.competencyVersion()) {
            return;
        }
        Integer retiredVersion = existing == null ? null : existing.getInteger("retiredVersion");
        String status = definition.status() == null ? "DRAFT" : definition.status();
        if (CatalogCompetency.RETIRED.equals(status)) {
            retiredVersion = definition.competencyVersion();
        } else if (retiredVersion != null && definition.competencyVersion() <= retiredVersion) {
            status = CatalogCompetency.RETIRED;
        }
        Document document = new Document("_id", definition.competencyId())
                .append("frameworkId", definition.frameworkId())
                .append("code", definition.code())
                .append("competencyVersion", definition.competencyVersion())
                .append("status", status)
                .append("assessable", definition.assessable())
                .append("levels", levels(definition))
                .append("cut", definition.scale() == null ? DEFAULT_CUT : definition.scale().masteryCut());
        if (retiredVersion != null) {
            document.append("retiredVersion", retiredVersion);
        }
        competencies.replaceOne(new Document("_id", definition.competencyId()), document, new ReplaceOptions().upsert(true));
        frameworks.updateOne(new Document("_id", definition.frameworkId()),
                new Document("$addToSet", new Document("competencyIds", definition.competencyId())), new UpdateOptions().upsert(true));
    }

    public void retire(String competencyId, int competencyVersion) {
        Document existing = competencies.find(new Document("_id", competencyId)).first();
        int retiredVersion = Math.max(competencyVersion, existing == null ? 0 : existing.getInteger("retiredVersion", 0));
        competencies.updateOne(new Document("_id", competencyId), new Document("$set",
                new Document("status", CatalogCompetency.RETIRED).append("retiredVersion", retiredVersion)), new UpdateOptions().upsert(true));
    }

    /** A published framework version: its competencies are published (unless retired). */
    public void publishFramework(String frameworkId, int version, List<String> competencyIds) {
        frameworks.updateOne(new Document("_id", frameworkId), new Document("$set",
                new Document("status", PUBLISHED).append("version", version)), new UpdateOptions().upsert(true));
        for (CatalogCompetency competency : findAll(competencyIds == null ? List.of() : competencyIds).values()) {
            if (!competency.retired()) {
                competencies.updateOne(new Document("_id", competency.competencyId()),
                        new Document("$set", new Document("status", PUBLISHED)));
            }
        }
    }

    /** A retired framework: none of its competencies takes new assessments. */
    public void retireFramework(String frameworkId) {
        Document framework = frameworks.find(new Document("_id", frameworkId)).first();
        frameworks.updateOne(new Document("_id", frameworkId), new Document("$set",
                new Document("status", CatalogCompetency.RETIRED)), new UpdateOptions().upsert(true));
        if (framework != null && framework.getList("competencyIds", String.class) != null) {
            for (String competencyId : framework.getList("competencyIds", String.class)) {
                competencies.updateOne(new Document("_id", competencyId), new Document("$set",
                        new Document("status", CatalogCompetency.RETIRED)));
            }
        }
    }

    private static List<Integer> levels(CompetencyDefinition definition) {
        if (definition.scale() == null || definition.scale().levels() == null || definition.scale().levels().isEmpty()) {
            return DEFAULT_LEVELS;
        }
        Set<Integer> values = new java.util.TreeSet<>();
        for (ProficiencyLevel level : definition.scale().levels()) {
            values.add(level.value());
        }
        return new ArrayList<>(values);
    }

    private CatalogCompetency toCompetency(Document document) {
        List<Integer> levels = document.getList("levels", Integer.class);
        Number cut = document.get("cut", Number.class);
        return new CatalogCompetency(document.getString("_id"), document.getString("frameworkId"), document.getString("code"),
                document.getInteger("competencyVersion", 0), document.getString("status"),
                Boolean.TRUE.equals(document.getBoolean("assessable")),
                levels == null ? DEFAULT_LEVELS : levels, cut == null ? DEFAULT_CUT : cut.doubleValue());
    }
}

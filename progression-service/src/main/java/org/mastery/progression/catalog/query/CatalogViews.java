package org.mastery.progression.catalog.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.CourseDefinition;
import org.mastery.progression.journey.domain.CompetencyContext;
import org.mastery.progression.journey.domain.CompetencyPolicy;
import org.mastery.progression.journey.domain.CourseRequirement;
import org.mastery.progression.journey.domain.Dependent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Progression's local view of the curriculum, kept from curriculum's streams in MongoDB and read by
 * {@code _id} only: competency definitions (latest version), the reverse prerequisite index
 * (competency → competencies that require it), courses, competency → courses, and competency →
 * students with evidence on it (to re-evaluate them when a policy changes). Every write is an upsert
 * or a set operation guarded by versions, so applying an event twice changes nothing.
 *
 * <p>Every evidence record needs its competency's context (policy, prerequisites, dependents, courses:
 * several documents), while the curriculum changes rarely. So contexts are kept in memory and checked
 * against the catalog's revision, a counter every change of the catalog bumps after writing: one small
 * read by {@code _id} instead of several large ones. The revision lives beside the catalog, so an
 * instance whose cache is older than another instance's change sees it on its next read.
 */
@Component
public class CatalogViews {

    public static final String COMPETENCIES = "catalog_competencies";
    public static final String DEPENDENTS = "catalog_dependents";
    public static final String COURSES = "catalog_courses";
    public static final String COMPETENCY_COURSES = "catalog_competency_courses";
    public static final String COMPETENCY_STUDENTS = "catalog_competency_students";
    public static final String REVISION = "catalog_revision";
    private static final String REVISION_ID = "catalog";

    /** A competency definition as received, latest version. */
    @org.springframework.data.mongodb.core.mapping.Document(COMPETENCIES)
    public record CompetencyEntry(@Id String competencyId, int competencyVersion, CompetencyDefinition definition,
                                  boolean retired) {
    }

    @org.springframework.data.mongodb.core.mapping.Document(COURSES)
    public record CourseEntry(@Id String courseId, int version, CourseDefinition course) {
    }

    private final MongoTemplate mongo;
    /** The last context built for each competency, with the catalog revision read before building it. */
    private final Map<String, Built> contexts = new ConcurrentHashMap<>();

    private record Built(long revision, CompetencyContext context) {
    }

    public CatalogViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<CompetencyEntry> competency(String competencyId) {
        return Optional.ofNullable(mongo.findById(competencyId, CompetencyEntry.class));
    }

    /**
     * Stores a definition unless an equal or later version is stored; answers the previous entry (empty
     * when none) or null when nothing changed.
     */
    public Optional<CompetencyEntry> applyDefinition(CompetencyDefinition definition) {
        CompetencyEntry previous = mongo.findById(definition.competencyId(), CompetencyEntry.class);
        if (previous != null && previous.competencyVersion() >= definition.competencyVersion()) {
            return null;
        }
        Set<String> before = previous == null || previous.definition().prerequisiteIds() == null ? Set.of()
                : new HashSet<>(previous.definition().prerequisiteIds());
        Set<String> after = definition.prerequisiteIds() == null ? Set.of() : new HashSet<>(definition.prerequisiteIds());
        for (String removed : before) {
            if (!after.contains(removed)) {
                mongo.updateFirst(byId(removed), new Update().pull("dependentIds", definition.competencyId()), DEPENDENTS);
            }
        }
        for (String prerequisite : after) {
            mongo.upsert(byId(prerequisite), new Update().addToSet("dependentIds", definition.competencyId()), DEPENDENTS);
        }
        mongo.save(new CompetencyEntry(definition.competencyId(), definition.competencyVersion(), definition,
                "RETIRED".equals(definition.status())));
        bumpRevision();
        return Optional.ofNullable(previous);
    }

    public void retire(String competencyId, int version) {
        CompetencyEntry entry = mongo.findById(competencyId, CompetencyEntry.class);
        if (entry != null && !entry.retired() && entry.competencyVersion() <= version) {
            mongo.save(new CompetencyEntry(entry.competencyId(), entry.competencyVersion(), entry.definition(), true));
            bumpRevision();
        }
    }

    /** Stores a course unless an equal or later version is stored; answers whether it was stored. */
    public boolean applyCourse(CourseDefinition course) {
        CourseEntry previous = mongo.findById(course.courseId(), CourseEntry.class);
        if (previous != null && previous.version() >= course.version()) {
            return false;
        }
        Set<String> before = previous == null ? Set.of() : new HashSet<>(previous.course().competencyIds());
        Set<String> after = course.competencyIds() == null ? Set.of() : new HashSet<>(course.competencyIds());
        for (String removed : before) {
            if (!after.contains(removed)) {
                mongo.updateFirst(byId(removed), new Update().pull("courseIds", course.courseId()), COMPETENCY_COURSES);
            }
        }
        for (String competencyId : after) {
            mongo.upsert(byId(competencyId), new Update().addToSet("courseIds", course.courseId()), COMPETENCY_COURSES);
        }
        mongo.save(new CourseEntry(course.courseId(), course.version(), course));
        bumpRevision();
        return true;
    }

    public Optional<CourseRequirement> course(String courseId) {
        CourseEntry entry = mongo.findById(courseId, CourseEntry.class);
        return entry == null ? Optional.empty() : Optional.of(requirement(entry));
    }

    /** The policy in force for a competency: its definition's, or SPEC's defaults (version 0) while unknown. */
    public CompetencyPolicy policy(String competencyId) {
        return competency(competencyId).map(e -> PolicyTranslation.toPolicy(e.definition()))
                .orElseGet(() -> CompetencyPolicy.defaults(competencyId));
    }

    /** Everything a journey command on this competency needs from the curriculum. */
    public CompetencyContext context(String competencyId) {
        long revision = revision();
        Built known = contexts.get(competencyId);
        if (known != null && known.revision() == revision) {
            return known.context();
        }
        // read after the revision, which is bumped after the catalog's writes: never older than that revision
        CompetencyContext built = buildContext(competencyId);
        contexts.put(competencyId, new Built(revision, built));
        return built;
    }

    private CompetencyContext buildContext(String competencyId) {
        Optional<CompetencyEntry> entry = competency(competencyId);
        CompetencyPolicy policy = entry.map(e -> PolicyTranslation.toPolicy(e.definition()))
                .orElseGet(() -> CompetencyPolicy.defaults(competencyId));
        List<String> prerequisites = entry.map(e -> e.definition().prerequisiteIds()).orElse(List.of());
        List<Dependent> dependents = new ArrayList<>();
        for (String dependentId : ids(DEPENDENTS, competencyId, "dependentIds")) {
            competency(dependentId).filter(d -> !d.retired()).ifPresent(d -> dependents.add(
                    new Dependent(dependentId, d.definition().prerequisiteIds() == null ? List.of() : d.definition().prerequisiteIds())));
        }
        List<CourseRequirement> courses = new ArrayList<>();
        for (String courseId : ids(COMPETENCY_COURSES, competencyId, "courseIds")) {
            course(courseId).ifPresent(courses::add);
        }
        return new CompetencyContext(policy, prerequisites == null ? List.of() : prerequisites, dependents, courses);
    }

    /** The catalog's revision: how many changes it has had (0 before the first). */
    long revision() {
        Document revision = mongo.getCollection(REVISION).find(new Document("_id", REVISION_ID)).first();
        return revision == null ? 0 : ((Number) revision.get("revision")).longValue();
    }

    private void bumpRevision() {
        mongo.upsert(byId(REVISION_ID), new Update().inc("revision", 1L), REVISION);
    }

    public List<String> dependentsOf(String competencyId) {
        return ids(DEPENDENTS, competencyId, "dependentIds");
    }

    // ---- competency → students with evidence ----

    public void addStudent(String competencyId, String studentId) {
        mongo.upsert(byId(competencyId), new Update().addToSet("studentIds", studentId), COMPETENCY_STUDENTS);
    }

    public List<String> studentsOf(String competencyId) {
        return ids(COMPETENCY_STUDENTS, competencyId, "studentIds");
    }

    public Set<String> studentsOfAny(Collection<String> competencyIds) {
        Set<String> students = new LinkedHashSet<>();
        for (String id : competencyIds) {
            students.addAll(studentsOf(id));
        }
        return students;
    }

    private List<String> ids(String collection, String id, String field) {
        Document document = mongo.getCollection(collection).find(new Document("_id", id)).first();
        if (document == null) {
            return List.of();
        }
        List<String> values = document.getList(field, String.class);
        return values == null ? List.of() : values.stream().sorted().toList();
    }

    private static CourseRequirement requirement(CourseEntry entry) {
        return new CourseRequirement(entry.courseId(), entry.version(), entry.course().credits(),
                entry.course().competencyIds() == null ? List.of() : entry.course().competencyIds());
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}

package org.mastery.reporting.projection.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.CourseDefinition;
import org.mastery.contracts.curriculum.ProficiencyLevel;
import org.mastery.contracts.curriculum.ProgressionPhase;

/** Reference data joined into views when they are read, always by {@code _id}. */
public class Catalog {

    private final ReadModelStore store;

    public Catalog(ReadModelStore store) {
        this.store = store;
    }

    public ReadModelStore store() {
        return store;
    }

    public Map<String, CompetencyDefinition> competencies(Collection<String> ids) {
        Map<String, CompetencyDefinition> found = new LinkedHashMap<>();
        store.findAll(ReadModels.COMPETENCIES, ids).forEach((id, doc) -> {
            if (doc.hasNonNull("definition")) {
                found.put(id, ReadModels.read(doc.get("definition"), CompetencyDefinition.class));
            }
        });
        return found;
    }

    public Map<String, CourseDefinition> courses(Collection<String> ids) {
        Map<String, CourseDefinition> found = new LinkedHashMap<>();
        store.findAll(ReadModels.COURSES, ids).forEach((id, doc) -> {
            if (doc.hasNonNull("course")) {
                found.put(id, ReadModels.read(doc.get("course"), CourseDefinition.class));
            }
        });
        return found;
    }

    public Map<String, ObjectNode> classes(Collection<String> ids) {
        return store.findAll(ReadModels.CLASS_MAPS, ids);
    }

    /** The ids of a class's or a school's students (its {@code students} entries). */
    public static List<String> studentIds(ObjectNode classOrSchool) {
        List<String> ids = new ArrayList<>();
        classOrSchool.path("students").fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    /** Of each student found, the part of their summary named {@code part} ({@code row}, {@code contribution}). */
    public <T> Map<String, T> summaries(Collection<String> studentIds, String part, Class<T> type) {
        Map<String, T> found = new LinkedHashMap<>();
        store.findAll(ReadModels.STUDENT_SUMMARIES, studentIds).forEach((studentId, summary) -> {
            if (summary.hasNonNull(part)) {
                found.put(studentId, ReadModels.read(summary.get(part), type));
            }
        });
        return found;
    }

    public Map<String, ObjectNode> assessments(Collection<String> ids) {
        return store.findAll(ReadModels.ASSESSMENTS, ids);
    }

    public Optional<StudentProgress> student(String studentId) {
        return store.find(ReadModels.STUDENT_PROGRESS, studentId).map(d -> ReadModels.read(d, StudentProgress.class));
    }

    public Map<String, StudentProgress> students(Collection<String> ids) {
        Map<String, StudentProgress> found = new LinkedHashMap<>();
        store.findAll(ReadModels.STUDENT_PROGRESS, ids).forEach((id, d) -> found.put(id, ReadModels.read(d, StudentProgress.class)));
        return found;
    }

    /** The competencies of the courses the classes are taught from, by course id. */
    public Map<String, CourseDefinition> coursesOfClasses(Collection<String> classIds) {
        TreeSet<String> courseIds = new TreeSet<>();
        classes(classIds).values().forEach(c -> {
            if (c.hasNonNull("courseId")) {
                courseIds.add(c.get("courseId").asText());
            }
        });
        return courses(courseIds);
    }

    public static Optional<ProgressionPhase> phase(CompetencyDefinition definition, String phaseId) {
        if (definition == null || definition.phases() == null || phaseId == null) {
            return Optional.empty();
        }
        return definition.phases().stream().filter(p -> phaseId.equals(p.phaseId())).findFirst();
    }

    /** The highest level of the scale at or below the value. */
    public static Optional<ProficiencyLevel> level(CompetencyDefinition definition, Double value) {
        if (definition == null || definition.scale() == null || definition.scale().levels() == null || value == null) {
            return Optional.empty();
        }
        ProficiencyLevel best = null;
        for (ProficiencyLevel level : definition.scale().levels()) {
            if (level.value() <= value + 1e-9 && (best == null || level.value() > best.value())) {
                best = level;
            }
        }
        return Optional.ofNullable(best);
    }
}

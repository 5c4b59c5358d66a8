package org.mastery.reporting.classroom.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.CourseDefinition;
import org.mastery.contracts.curriculum.ProgressionPhase;
import org.mastery.reporting.config.InvalidReportRequestException;
import org.mastery.reporting.projection.query.Catalog;
import org.mastery.reporting.projection.query.ClassRow;
import org.mastery.reporting.projection.query.Derivations;
import org.mastery.reporting.projection.query.ReadModels;

/** The class views from the class document, its students' rows and the course's competencies. */
public class ClassMapAssembler {

    private final Catalog catalog;

    public ClassMapAssembler(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The class document, if the class is known (created, or has enrolled students). */
    public Optional<ObjectNode> classDocument(String classId) {
        return catalog.store().find(ReadModels.CLASS_MAPS, classId);
    }

    /** The rows of the class's enrolled students, by student id. */
    private Map<String, ClassRow> rows(ObjectNode classDoc) {
        return new TreeMap<>(catalog.summaries(Catalog.studentIds(classDoc), "row", ClassRow.class));
    }

    public ClassViews.MasteryMap masteryMap(ObjectNode classDoc, Map<String, String> names, String sortBy, String order) {
        Map<String, ClassRow> rows = rows(classDoc);
        List<String> columnIds = columns(classDoc, rows);
        Map<String, CompetencyDefinition> definitions = catalog.competencies(columnIds);
        List<ClassViews.Column> columns = new ArrayList<>();
        for (String id : columnIds) {
            CompetencyDefinition d = definitions.get(id);
            int mastered = 0;
            int withEvidence = 0;
            for (ClassRow row : rows.values()) {
                ClassRow.Cell cell = row.cells.get(id);
                if (cell != null && Derivations.MASTERED.equals(cell.state)) {
                    mastered++;
                }
                if (cell != null && cell.evidenceCount > 0) {
                    withEvidence++;
                }
            }
            columns.add(new ClassViews.Column(id, d == null ? null : d.code(), d == null ? null : d.statement(),
                    d == null ? null : d.studentStatement(), mastered, withEvidence));
        }
        columns.sort(Comparator.comparing((ClassViews.Column c) -> c.code() == null ? "\uffff" : c.code())
                .thenComparing(ClassViews.Column::competencyId));

        List<ClassViews.Row> students = new ArrayList<>();
        for (ClassRow row : rows.values()) {
            Map<String, ClassViews.Cell> cells = new LinkedHashMap<>();
            int mastered = 0;
            for (ClassViews.Column column : columns) {
                ClassRow.Cell cell = row.cells.get(column.competencyId());
                if (cell == null) {
                    cells.put(column.competencyId(), new ClassViews.Cell(Derivations.NOT_STARTED, null, null, null, 0, null));
                    continue;
                }
                if (Derivations.MASTERED.equals(cell.state)) {
                    mastered++;
                }
                String label = Catalog.phase(definitions.get(column.competencyId()), cell.phaseId).map(ProgressionPhase::label).orElse(null);
                cells.put(column.competencyId(), new ClassViews.Cell(cell.state, cell.phaseId, label, cell.value,
                        cell.evidenceCount, cell.lastEvidenceAt));
            }
            students.add(new ClassViews.Row(row.studentId, names.get(row.studentId), mastered, cells));
        }
        String by = sortBy == null || sortBy.isBlank() ? "student" : sortBy;
        boolean descending = order == null ? !"student".equals(by) : parseOrder(order);
        Comparator<ClassViews.Row> comparator;
        if ("student".equals(by)) {
            comparator = Comparator.comparing(ClassViews.Row::studentId);
        } else if ("mastered".equals(by)) {
            comparator = Comparator.comparingInt(ClassViews.Row::mastered);
        } else if (columnIds.contains(by)) {
            comparator = Comparator.comparingInt((ClassViews.Row r) -> rank(r.cells().get(by).state()))
                    .thenComparing(r -> r.cells().get(by).value(), Comparator.nullsFirst(Comparator.naturalOrder()));
        } else {
            throw new InvalidReportRequestException("sortBy must be 'student', 'mastered' or the id of one of the class's competencies; got '" + by + "'");
        }
        if (descending) {
            comparator = comparator.reversed();
        }
        students.sort(comparator.thenComparing(ClassViews.Row::studentId));
        return new ClassViews.MasteryMap(text(classDoc, "classId"), text(classDoc, "title"), text(classDoc, "term"),
                text(classDoc, "courseId"), text(classDoc, "schoolId"), rows.size(), columns, students, by, descending ? "desc" : "asc");
    }

    public ClassViews.Interventions interventions(String classId, ObjectNode classDoc, Map<String, String> names) {
        Map<String, ClassRow> rows = rows(classDoc);
        Map<String, List<ClassViews.StuckStudent>> stuck = new TreeMap<>();
        rows.values().forEach(row -> row.interventions.forEach((competencyId, open) -> stuck
                .computeIfAbsent(competencyId, c -> new ArrayList<>())
                .add(new ClassViews.StuckStudent(row.studentId, names.get(row.studentId), open.reason, open.since))));
        Map<String, CompetencyDefinition> definitions = catalog.competencies(stuck.keySet());
        List<ClassViews.InterventionGroup> groups = new ArrayList<>();
        stuck.forEach((competencyId, members) -> {
            members.sort(Comparator.comparing(ClassViews.StuckStudent::studentId));
            CompetencyDefinition d = definitions.get(competencyId);
            groups.add(new ClassViews.InterventionGroup(competencyId, d == null ? null : d.code(), d == null ? null : d.statement(),
                    InterventionGrouping.of(members.size(), rows.size()), members.size(), members));
        });
        groups.sort(Comparator.comparingInt(ClassViews.InterventionGroup::students).reversed()
                .thenComparing(g -> g.code() == null ? "\uffff" : g.code()).thenComparing(ClassViews.InterventionGroup::competencyId));
        return new ClassViews.Interventions(classId, rows.size(), groups);
    }

    public ClassViews.PeerTutors peerTutors(String classId, ObjectNode classDoc, String competencyId, Function<List<String>, Map<String, String>> names) {
        Map<String, ClassRow> rows = rows(classDoc);
        List<ClassRow> tutors = rows.values().stream().filter(r -> r.peerTutor)
                .filter(r -> r.cells.containsKey(competencyId) && Derivations.MASTERED.equals(r.cells.get(competencyId).state))
                .toList();
        Map<String, String> tutorNames = names.apply(tutors.stream().map(r -> r.studentId).toList());
        CompetencyDefinition d = catalog.competencies(List.of(competencyId)).get(competencyId);
        List<ClassViews.Tutor> list = tutors.stream()
                .map(r -> new ClassViews.Tutor(r.studentId, tutorNames.get(r.studentId), r.cells.get(competencyId).masteredAt))
                .sorted(Comparator.comparing(ClassViews.Tutor::studentId)).toList();
        return new ClassViews.PeerTutors(classId, competencyId, d == null ? null : d.code(), list);
    }

    /** The course's competencies, or (before the course is known) every competency the students have data on. */
    private List<String> columns(ObjectNode classDoc, Map<String, ClassRow> rows) {
        TreeSet<String> ids = new TreeSet<>();
        String courseId = text(classDoc, "courseId");
        if (courseId != null) {
            CourseDefinition course = catalog.courses(List.of(courseId)).get(courseId);
            if (course != null && course.competencyIds() != null) {
                ids.addAll(course.competencyIds());
                return new ArrayList<>(ids);
            }
        }
        rows.values().forEach(r -> ids.addAll(r.cells.keySet()));
        return new ArrayList<>(ids);
    }

    private static boolean parseOrder(String order) {
        if ("desc".equalsIgnoreCase(order)) {
            return true;
        }
        if ("asc".equalsIgnoreCase(order)) {
            return false;
        }
        throw new InvalidReportRequestException("order must be 'asc' or 'desc'; got '" + order + "'");
    }

    static int rank(String state) {
        return switch (state == null ? "" : state) {
            case "MASTERED" -> 5;
            case "IN_PROGRESS" -> 4;
            case "NEEDS_REVIEW" -> 3;
            case "INSUFFICIENT_EVIDENCE" -> 2;
            default -> 1;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

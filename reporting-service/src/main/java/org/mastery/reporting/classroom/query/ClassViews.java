package org.mastery.reporting.classroom.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The class views as served. */
public final class ClassViews {

    private ClassViews() {
    }

    public record Column(String competencyId, String code, String statement, String iCan, int mastered, int withEvidence) {
    }

    public record Cell(String state, String phaseId, String phaseLabel, Double value, int evidenceCount, Instant lastEvidenceAt) {
    }

    public record Row(String studentId, String name, int mastered, Map<String, Cell> cells) {
    }

    public record MasteryMap(String classId, String title, String term, String courseId, String schoolId, int classSize,
                             List<Column> competencies, List<Row> students, String sortedBy, String order) {
    }

    public record StuckStudent(String studentId, String name, String reason, Instant since) {
    }

    public record InterventionGroup(String competencyId, String code, String statement, InterventionGrouping grouping,
                                    int students, List<StuckStudent> members) {
    }

    public record Interventions(String classId, int classSize, List<InterventionGroup> groups) {
    }

    public record Tutor(String studentId, String name, Instant masteredAt) {
    }

    public record PeerTutors(String classId, String competencyId, String code, List<Tutor> tutors) {
    }
}

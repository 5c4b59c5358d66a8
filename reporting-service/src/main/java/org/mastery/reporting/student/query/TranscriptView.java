package org.mastery.reporting.student.query;

import java.time.Instant;
import java.util.List;

/** The competency-based transcript, as served in JSON. */
public record TranscriptView(String studentId, String name, String schoolId, Instant issuedAt,
                             List<MasteredView> mastered, List<CourseView> courses, Totals totals,
                             List<GradeTranslation.Band> gradeScale) {

    public record MasteredView(String competencyId, String code, String statement, String iCan, String caseItemId,
                               Integer competencyVersion, Instant masteredAt, Double value, String level,
                               boolean byTeacherOverride, EvidenceView evidence) {
    }

    public record EvidenceView(int count, List<String> methods, List<String> assessmentTypes, List<AssessmentRef> assessments,
                               Instant firstObservedAt, Instant lastObservedAt, Double highestScore) {
    }

    public record AssessmentRef(String assessmentId, String title) {
    }

    public record CourseView(String courseId, String code, String title, List<String> competencyIds, Double creditsAvailable,
                             double creditsEarned,
                             Instant earnedAt, int competenciesMastered, int competenciesTotal, double shareMastered,
                             boolean complete, String traditionalGrade) {
    }

    public record Totals(int competenciesMastered, double creditsEarned, int coursesCompleted) {
    }
}

package org.mastery.reporting.leader.query;

import java.util.List;

/** Leader roll-ups as served: every figure about fewer students than the threshold reads "<10". */
public final class LeaderViews {

    private LeaderViews() {
    }

    public record CompetencyRow(String competencyId, String code, String statement, Object students, Object masteryRate,
                                Object medianDaysToMastery, Object studentsWithOpenInterventions) {
    }

    public record PaceRow(String band, Object students) {
    }

    public record Summary(String orgId, String type, String name, int suppressionThreshold, Object students,
                          Object activeStudents, Object overallMasteryRate, Object medianDaysToMastery,
                          String paceUnit, List<PaceRow> pace, Object studentsWithOpenInterventions,
                          Object openInterventions, Object studentsWithCredits, Object creditsEarned,
                          Object coursesCompleted, List<CompetencyRow> competencies, List<SchoolRow> schools) {
    }

    public record SchoolRow(String schoolId, String name, Object students, Object overallMasteryRate,
                            Object studentsWithOpenInterventions) {
    }
}

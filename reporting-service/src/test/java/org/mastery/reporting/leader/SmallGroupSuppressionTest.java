package org.mastery.reporting.leader;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.contracts.assessment.EvidenceRecorded;
import org.mastery.contracts.progression.CompetencyMastered;
import org.mastery.contracts.progression.InterventionRecommended;
import org.mastery.contracts.progression.MasteryLevelChanged;
import org.mastery.contracts.progression.ProgressionTopics;
import org.mastery.contracts.roster.OrganizationRegistered;
import org.mastery.contracts.roster.RosterTopics;
import org.mastery.contracts.roster.StudentRegistered;
import org.mastery.reporting.leader.query.LeaderRollups;
import org.mastery.reporting.leader.query.LeaderViews;
import org.mastery.reporting.leader.query.Suppression;
import org.mastery.reporting.projection.query.Catalog;
import org.mastery.reporting.projection.query.ReadModels;
import org.mastery.reporting.projection.query.ReportingProjector;
import org.mastery.reporting.support.EventStreams;
import org.mastery.reporting.support.InMemoryReadModelStore;

/** No leader figure is ever about fewer than 10 students: such groups read "<10". */
class SmallGroupSuppressionTest {

    static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");

    final InMemoryReadModelStore store = new InMemoryReadModelStore();
    final ReportingProjector projector = new ReportingProjector(store);
    final EventStreams events = new EventStreams(T0);
    final LeaderRollups rollups = new LeaderRollups(new Catalog(store), new Suppression(10), List.of(0.5, 1.0, 2.0));

    /** {@code n} students of the school; the first {@code masteredC1} master c1 (after 10 days), {@code stuckC2} are stuck on c2. */
    void school(String school, int n, int masteredC1, int stuckC2, boolean everyoneOnC1) {
        events.add(RosterTopics.ORGANIZATIONS, school, OrganizationRegistered.TYPE, new OrganizationRegistered(school, "SCHOOL", "dst", "School " + school));
        for (int i = 0; i < n; i++) {
            String student = school + "-stu-" + i;
            events.add(RosterTopics.ENROLLMENTS, student, StudentRegistered.TYPE, new StudentRegistered(student, school, "06"));
            if (everyoneOnC1 || i < masteredC1) {
                events.add(AssessmentTopics.EVIDENCE, student, EvidenceRecorded.TYPE, new EvidenceRecorded("ev-" + student, student, "c1", 3,
                        "PROJECT", "SUMMATIVE", "asm", null, null, "tch", T0, T0, null));
            }
            if (i < masteredC1) {
                events.add(ProgressionTopics.DECISIONS, student, CompetencyMastered.TYPE, new CompetencyMastered(student, "c1", 3.5, null));
            } else if (everyoneOnC1) {
                events.add(ProgressionTopics.DECISIONS, student, MasteryLevelChanged.TYPE, new MasteryLevelChanged(student, "c1", "IN_PROGRESS", null, 2.0, 1, null));
            }
            if (i < stuckC2) {
                events.add(ProgressionTopics.DECISIONS, student, InterventionRecommended.TYPE,
                        new InterventionRecommended("int-" + student, student, "c2", "CONSECUTIVE_BELOW_CUT", List.of()));
            }
        }
    }

    LeaderViews.Summary summary(String orgId) {
        events.events().forEach(projector::apply);
        return rollups.summary(store.find(ReadModels.ORG_ROLLS, orgId).orElseThrow());
    }

    @Test
    void aSchoolOfNineShowsNoFigureAtAll() {
        school("small", 9, 9, 3, true);
        LeaderViews.Summary summary = summary("small");
        assertThat(summary.students()).isEqualTo("<10");
        assertThat(summary.overallMasteryRate()).isEqualTo("<10");
        assertThat(summary.medianDaysToMastery()).isEqualTo("<10");
        assertThat(summary.studentsWithOpenInterventions()).isEqualTo("<10");
        assertThat(summary.openInterventions()).isEqualTo("<10");
        assertThat(summary.pace()).allSatisfy(p -> assertThat(p.students()).isEqualTo("<10"));
        assertThat(summary.competencies()).allSatisfy(c -> {
            assertThat(c.students()).isEqualTo("<10");
            assertThat(c.masteryRate()).isEqualTo("<10");
        });
    }

    @Test
    void figuresAboutTenOrMoreStudentsAreShownAndSmallerGroupsInsideThemAreNot() {
        school("big", 24, 12, 4, true);
        LeaderViews.Summary summary = summary("big");
        assertThat(summary.students()).isEqualTo(24L);
        LeaderViews.CompetencyRow c1 = summary.competencies().stream().filter(c -> c.competencyId().equals("c1")).findFirst().orElseThrow();
        assertThat(c1.students()).isEqualTo(24L);
        assertThat(c1.masteryRate()).isEqualTo(0.5);
        // only 4 students are stuck on c2: that group is suppressed, and so is every figure about it
        LeaderViews.CompetencyRow c2 = summary.competencies().stream().filter(c -> c.competencyId().equals("c2")).findFirst().orElseThrow();
        assertThat(c2.students()).isEqualTo("<10");
        assertThat(c2.masteryRate()).isEqualTo("<10");
        assertThat(c2.studentsWithOpenInterventions()).isEqualTo("<10");
        assertThat(summary.studentsWithOpenInterventions()).isEqualTo("<10");
        assertThat(summary.studentsWithCredits()).isEqualTo("<10");
        // pace: 12 mastered one competency within their first month (1 per 30 days: the "1-2" band), 12 none (< 0.5)
        assertThat(summary.pace()).extracting(LeaderViews.PaceRow::band, LeaderViews.PaceRow::students).containsExactly(
                org.assertj.core.groups.Tuple.tuple("NOT_STARTED", "<10"),
                org.assertj.core.groups.Tuple.tuple("<0.5", 12L),
                org.assertj.core.groups.Tuple.tuple("0.5-1", "<10"),
                org.assertj.core.groups.Tuple.tuple("1-2", 12L),
                org.assertj.core.groups.Tuple.tuple(">=2", "<10"));
    }

    @Test
    void aDistrictCountsAllItsSchoolsButShowsItsSmallSchoolOnlyAsSmall() {
        events.add(RosterTopics.ORGANIZATIONS, "dst", OrganizationRegistered.TYPE, new OrganizationRegistered("dst", "DISTRICT", null, "Riverside"));
        school("tiny", 6, 6, 0, true);
        school("large", 14, 7, 0, true);
        LeaderViews.Summary district = summary("dst");
        assertThat(district.students()).isEqualTo(20L);
        LeaderViews.CompetencyRow c1 = district.competencies().get(0);
        assertThat(c1.masteryRate()).isEqualTo(0.65);
        assertThat(district.schools()).extracting(LeaderViews.SchoolRow::schoolId, LeaderViews.SchoolRow::students)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("large", 14L), org.assertj.core.groups.Tuple.tuple("tiny", "<10"));
        assertThat(district.schools().get(1).overallMasteryRate()).isEqualTo("<10");
    }

    @Test
    void aSingleSuppressedCellOfADistributionTakesTheNextSmallestWithIt() {
        Suppression suppression = new Suppression(10);
        // 30 = 12 + 15 + 3: showing 12 and 15 with the total would reveal the 3
        assertThat(suppression.distribution(List.of(12L, 15L, 3L))).containsExactly("<10", 15L, "<10");
        assertThat(suppression.distribution(List.of(12L, 15L, 30L))).containsExactly(12L, 15L, 30L);
        assertThat(suppression.distribution(List.of(2L, 3L, 40L))).containsExactly("<10", "<10", 40L);
        assertThat(suppression.count(9)).isEqualTo("<10");
        assertThat(suppression.count(10)).isEqualTo(10L);
    }
}

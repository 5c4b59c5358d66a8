package org.mastery.reporting.leader.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.reporting.projection.query.Catalog;
import org.mastery.reporting.projection.query.ReadModels;
import org.mastery.reporting.projection.query.RollContribution;

/** School and district summaries from the organisation documents, suppressed for small groups. */
public class LeaderRollups {

    private final Catalog catalog;
    private final Suppression suppression;
    private final List<Double> paceLimits;

    public LeaderRollups(Catalog catalog, Suppression suppression, List<Double> paceLimits) {
        this.catalog = catalog;
        this.suppression = suppression;
        this.paceLimits = paceLimits.stream().sorted().toList();
    }

    public Optional<ObjectNode> organization(String orgId) {
        return catalog.store().find(ReadModels.ORG_ROLLS, orgId);
    }

    public LeaderViews.Summary summary(ObjectNode org) {
        String orgId = org.path("orgId").asText(org.path("_id").asText());
        Map<String, ObjectNode> schools = new TreeMap<>();
        if (org.has("children") && org.get("children").size() > 0) {
            List<String> childIds = new ArrayList<>();
            org.get("children").fieldNames().forEachRemaining(childIds::add);
            schools.putAll(catalog.store().findAll(ReadModels.ORG_ROLLS, childIds));
        }
        List<String> studentIds = new ArrayList<>(Catalog.studentIds(org));
        schools.values().forEach(school -> studentIds.addAll(Catalog.studentIds(school)));
        Map<String, RollContribution> students = catalog.summaries(studentIds, "contribution", RollContribution.class);
        Rollup.Figures figures = Rollup.of(students.values(), paceLimits);

        List<LeaderViews.SchoolRow> schoolRows = new ArrayList<>();
        schools.forEach((schoolId, school) -> {
            List<RollContribution> own = Catalog.studentIds(school).stream().map(students::get).filter(Objects::nonNull).toList();
            Rollup.Figures f = Rollup.of(own, paceLimits);
            schoolRows.add(new LeaderViews.SchoolRow(schoolId, school.path("name").asText(null), suppression.count(f.students()),
                    suppression.figure(f.activeStudents(), f.overallMasteryRate()),
                    suppression.count(f.studentsWithOpenInterventions())));
        });
        return present(orgId, org.path("type").asText(schools.isEmpty() ? "SCHOOL" : "DISTRICT"), org.path("name").asText(null),
                figures, schoolRows);
    }

    LeaderViews.Summary present(String orgId, String type, String name, Rollup.Figures f, List<LeaderViews.SchoolRow> schools) {
        Map<String, CompetencyDefinition> definitions = catalog.competencies(f.competencies().stream()
                .map(Rollup.CompetencyFigures::competencyId).toList());
        List<LeaderViews.CompetencyRow> competencies = new ArrayList<>();
        for (Rollup.CompetencyFigures c : f.competencies()) {
            CompetencyDefinition d = definitions.get(c.competencyId());
            competencies.add(new LeaderViews.CompetencyRow(c.competencyId(), d == null ? null : d.code(),
                    d == null ? null : d.statement(), suppression.count(c.students()),
                    suppression.figure(c.students(), c.masteryRate()),
                    suppression.figure(c.masteredWithTiming(), c.medianDaysToMastery()),
                    suppression.count(c.openInterventions())));
        }
        competencies.sort(java.util.Comparator.comparing((LeaderViews.CompetencyRow r) -> r.code() == null ? "\uffff" : r.code())
                .thenComparing(LeaderViews.CompetencyRow::competencyId));
        List<Object> paceShown = suppression.distribution(f.pace().stream().map(Rollup.PaceBand::students).toList());
        List<LeaderViews.PaceRow> pace = new ArrayList<>();
        for (int i = 0; i < f.pace().size(); i++) {
            pace.add(new LeaderViews.PaceRow(f.pace().get(i).band(), paceShown.get(i)));
        }
        boolean small = suppression.suppressed(f.students());
        return new LeaderViews.Summary(orgId, type, name, suppression.threshold(), suppression.count(f.students()),
                suppression.count(f.activeStudents()),
                suppression.figure(f.activeStudents(), f.overallMasteryRate()),
                suppression.figure(f.masteredWithTiming(), f.medianDaysToMastery()),
                "competencies mastered per 30 days since first evidence",
                small ? pace.stream().map(p -> new LeaderViews.PaceRow(p.band(), suppression.marker())).toList() : pace,
                suppression.count(f.studentsWithOpenInterventions()),
                suppression.figure(f.studentsWithOpenInterventions(), f.openInterventions()),
                suppression.count(f.studentsWithCredits()),
                suppression.figure(f.studentsWithCredits(), f.creditsEarned()),
                suppression.figure(f.studentsWithCredits(), f.coursesCompleted()),
                competencies, schools.isEmpty() ? null : schools);
    }
}

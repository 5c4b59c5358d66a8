package org.mastery.reporting.student.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.CourseDefinition;
import org.mastery.reporting.projection.query.Catalog;
import org.mastery.reporting.projection.query.ReadModels;
import org.mastery.reporting.projection.query.TranscriptRecord;

/** The transcript from the student's transcript document, the course and competency definitions. */
public class TranscriptAssembler {

    private final Catalog catalog;
    private final GradeTranslation grades;
    private final boolean partialCredit;
    private final Clock clock;

    public TranscriptAssembler(Catalog catalog, GradeTranslation grades, boolean partialCredit, Clock clock) {
        this.catalog = catalog;
        this.grades = grades;
        this.partialCredit = partialCredit;
        this.clock = clock;
    }

    public Optional<TranscriptView> transcript(String studentId, String name) {
        return catalog.store().find(ReadModels.TRANSCRIPTS, studentId)
                .map(doc -> assemble(ReadModels.read(doc, TranscriptRecord.class), name));
    }

    TranscriptView assemble(TranscriptRecord record, String name) {
        Map<String, CourseDefinition> courses = catalog.coursesOfClasses(record.classIds);
        courses.putAll(catalog.courses(record.credits.keySet()));
        TreeSet<String> competencyIds = new TreeSet<>(record.mastered.keySet());
        Map<String, CompetencyDefinition> definitions = catalog.competencies(competencyIds);
        TreeSet<String> assessmentIds = new TreeSet<>();
        record.mastered.values().forEach(m -> assessmentIds.addAll(m.evidence.assessmentIds));
        Map<String, ObjectNode> assessments = catalog.assessments(assessmentIds);

        List<TranscriptView.MasteredView> mastered = new ArrayList<>();
        record.mastered.forEach((id, m) -> {
            CompetencyDefinition d = definitions.get(id);
            List<TranscriptView.AssessmentRef> refs = m.evidence.assessmentIds.stream()
                    .map(a -> new TranscriptView.AssessmentRef(a, Optional.ofNullable(assessments.get(a))
                            .map(n -> n.path("assessment").path("title").asText(null)).orElse(null)))
                    .toList();
            mastered.add(new TranscriptView.MasteredView(id, d == null ? null : d.code(), d == null ? null : d.statement(),
                    d == null ? null : d.studentStatement(), d == null ? null : d.caseItemId(),
                    d == null ? null : d.competencyVersion(), m.masteredAt, m.value,
                    Catalog.level(d, m.value).map(l -> l.label()).orElse(null), m.overrideId != null,
                    new TranscriptView.EvidenceView(m.evidence.count, List.copyOf(m.evidence.methods),
                            List.copyOf(m.evidence.assessmentTypes), refs, m.evidence.firstObservedAt,
                            m.evidence.lastObservedAt, m.evidence.highestScore)));
        });
        mastered.sort(Comparator.comparing((TranscriptView.MasteredView v) -> v.code() == null ? "\uffff" : v.code())
                .thenComparing(TranscriptView.MasteredView::competencyId));

        List<TranscriptView.CourseView> courseViews = new ArrayList<>();
        double creditsEarned = 0;
        for (CourseDefinition course : courses.values()) {
            List<String> ids = course.competencyIds() == null ? List.of() : course.competencyIds();
            int masteredCount = (int) ids.stream().filter(record.mastered::containsKey).count();
            double share = ids.isEmpty() ? 0 : (double) masteredCount / ids.size();
            TranscriptRecord.EarnedCredit earned = record.credits.get(course.courseId());
            double credits = earned != null ? earned.credits
                    : partialCredit ? Math.round(course.credits() * share * 100) / 100.0 : 0;
            creditsEarned += credits;
            courseViews.add(new TranscriptView.CourseView(course.courseId(), course.code(), course.title(), ids, course.credits(),
                    credits, earned == null ? null : earned.earnedAt, masteredCount, ids.size(),
                    Math.round(share * 10000) / 10000.0, earned != null, grades.grade(share)));
        }
        // credits earned for courses whose definition has not arrived yet still count
        for (var entry : record.credits.entrySet()) {
            if (!courses.containsKey(entry.getKey())) {
                creditsEarned += entry.getValue().credits;
                courseViews.add(new TranscriptView.CourseView(entry.getKey(), null, null, entry.getValue().competencyIds, null,
                        entry.getValue().credits,
                        entry.getValue().earnedAt, 0, 0, 1.0, true, grades.grade(1.0)));
            }
        }
        courseViews.sort(Comparator.comparing(TranscriptView.CourseView::courseId));
        return new TranscriptView(record.studentId, name, record.schoolId, clock.instant(), mastered, courseViews,
                new TranscriptView.Totals(mastered.size(), Math.round(creditsEarned * 100) / 100.0, record.credits.size()),
                grades.bands());
    }
}

package org.mastery.reporting.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mastery.contracts.assessment.AssessmentDefined;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.contracts.assessment.AttemptScored;
import org.mastery.contracts.assessment.AttemptVoided;
import org.mastery.contracts.assessment.CompetencyScore;
import org.mastery.contracts.assessment.EvidenceRecorded;
import org.mastery.contracts.assessment.RetakePolicy;
import org.mastery.contracts.curriculum.CompetencyDefined;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.CompetencyRevised;
import org.mastery.contracts.curriculum.CourseDefined;
import org.mastery.contracts.curriculum.CourseDefinition;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.curriculum.LearningResource;
import org.mastery.contracts.curriculum.MasteryPolicy;
import org.mastery.contracts.curriculum.ProficiencyLevel;
import org.mastery.contracts.curriculum.ProficiencyScale;
import org.mastery.contracts.curriculum.ProgressionPhase;
import org.mastery.contracts.progression.CompetencyMastered;
import org.mastery.contracts.progression.CompetencyUnlocked;
import org.mastery.contracts.progression.CourseCreditEarned;
import org.mastery.contracts.progression.EvidenceAccepted;
import org.mastery.contracts.progression.EvidenceUsed;
import org.mastery.contracts.progression.Explanation;
import org.mastery.contracts.progression.GoalSet;
import org.mastery.contracts.progression.InterventionRecommended;
import org.mastery.contracts.progression.MasteryLevelChanged;
import org.mastery.contracts.progression.PeerTutoringOptedIn;
import org.mastery.contracts.progression.ProgressionTopics;
import org.mastery.contracts.progression.ReflectionRecorded;
import org.mastery.contracts.roster.ClassCreated;
import org.mastery.contracts.roster.GuardianLinked;
import org.mastery.contracts.roster.OrganizationRegistered;
import org.mastery.contracts.roster.RosterTopics;
import org.mastery.contracts.roster.StudentEnrolled;
import org.mastery.contracts.roster.StudentRegistered;
import org.mastery.contracts.roster.TeacherAssigned;

/**
 * A recorded event sequence of a small class, across all ten streams, as the producers' contracts
 * describe them: two competencies (C2 needs C1) and a third in the course, two students, a teacher, a
 * guardian; student A masters C1 with two scores, earns credit of a one-competency course, opts in to
 * tutor, sets a goal and reflects; student B is stuck on C2; one of A's attempts is voided.
 */
public final class Scenario {

    public final String suffix;
    public final String district;
    public final String school;
    public final String classId;
    public final String course;
    public final String smallCourse;
    public final String c1;
    public final String c2;
    public final String c3;
    public final String studentA;
    public final String studentB;
    public final String teacher;
    public final String guardian;
    public final String assessment;
    public final Instant start;

    public Scenario(String suffix, Instant start) {
        this.suffix = suffix;
        this.start = start;
        district = "dst-" + suffix;
        school = "sch-" + suffix;
        classId = "cls-" + suffix;
        course = "crs-" + suffix;
        smallCourse = "crs-small-" + suffix;
        c1 = "cmp-1-" + suffix;
        c2 = "cmp-2-" + suffix;
        c3 = "cmp-3-" + suffix;
        studentA = "stu-a-" + suffix;
        studentB = "stu-b-" + suffix;
        teacher = "tch-" + suffix;
        guardian = "grd-" + suffix;
        assessment = "asm-" + suffix;
    }

    public static CompetencyDefinition competency(String id, int version, String code, List<String> prerequisites) {
        ProficiencyScale scale = new ProficiencyScale(List.of(
                new ProficiencyLevel(1, "Beginning", "Starting out"),
                new ProficiencyLevel(2, "Developing", "Partly there"),
                new ProficiencyLevel(3, "Proficient", "Can do it alone"),
                new ProficiencyLevel(4, "Advanced", "Can explain and extend")), 3.0);
        MasteryPolicy policy = new MasteryPolicy(1, "DECAYING_AVERAGE", Map.of("w", 0.65), 2, List.of(), false);
        List<ProgressionPhase> phases = List.of(
                new ProgressionPhase("ph-1-" + id, 1, "Exploring", 0, 2, List.of(new LearningResource("Intro video", "https://example.org/v/" + id, "VIDEO"))),
                new ProgressionPhase("ph-2-" + id, 2, "Practising", 2, 3, List.of(new LearningResource("Practice set", "https://example.org/p/" + id, "PRACTICE"))),
                new ProgressionPhase("ph-3-" + id, 3, "Mastering", 3, 4, List.of()));
        return new CompetencyDefinition(id, "fw-1", 1, version, code, "Understand " + code, "I can do " + code,
                "Solves " + code + " problems alone and explains why", null, "Standard", List.of("06"), true, scale, policy,
                prerequisites, phases, "PUBLISHED", "case-" + id);
    }

    static Explanation explanation(String state, double value, List<EvidenceUsed> evidence) {
        return new Explanation("DECAYING_AVERAGE", Map.of("w", 0.65), 1, 1, 3.0, 2, List.of(), List.of(), evidence, value, state, null);
    }

    /** The sequence, each event on its real topic with its real key. */
    public EventStreams events() {
        EventStreams s = new EventStreams(start);
        // curriculum
        s.add(CurriculumTopics.FRAMEWORKS, "fw-1", CompetencyDefined.TYPE, new CompetencyDefined(competency(c1, 1, "RP.1." + suffix, List.of())));
        s.add(CurriculumTopics.FRAMEWORKS, "fw-1", CompetencyDefined.TYPE, new CompetencyDefined(competency(c2, 1, "RP.2." + suffix, List.of(c1))));
        s.add(CurriculumTopics.FRAMEWORKS, "fw-1", CompetencyDefined.TYPE, new CompetencyDefined(competency(c3, 1, "RP.3." + suffix, List.of(c2))));
        s.add(CurriculumTopics.FRAMEWORKS, "fw-1", CompetencyRevised.TYPE, new CompetencyRevised(competency(c1, 2, "RP.1." + suffix, List.of()), 1));
        s.add(CurriculumTopics.COURSES, course, CourseDefined.TYPE, new CourseDefined(new CourseDefinition(course, 1, "M6-" + suffix, "Math 6", "Mathematics", 1.0, List.of(c1, c2, c3))));
        s.add(CurriculumTopics.COURSES, smallCourse, CourseDefined.TYPE, new CourseDefined(new CourseDefinition(smallCourse, 1, "M6S-" + suffix, "Ratios module", "Mathematics", 0.5, List.of(c1))));
        // roster
        s.add(RosterTopics.ORGANIZATIONS, district, OrganizationRegistered.TYPE, new OrganizationRegistered(district, "DISTRICT", null, "Riverside"));
        s.add(RosterTopics.ORGANIZATIONS, school, OrganizationRegistered.TYPE, new OrganizationRegistered(school, "SCHOOL", district, "Lincoln"));
        s.add(RosterTopics.CLASSES, classId, ClassCreated.TYPE, new ClassCreated(classId, school, course, "Math 6, period 2", "fall"));
        s.add(RosterTopics.CLASSES, classId, TeacherAssigned.TYPE, new TeacherAssigned(classId, teacher));
        for (String student : List.of(studentA, studentB)) {
            s.add(RosterTopics.ENROLLMENTS, student, StudentRegistered.TYPE, new StudentRegistered(student, school, "06"));
            s.add(RosterTopics.ENROLLMENTS, student, StudentEnrolled.TYPE, new StudentEnrolled(student, classId));
        }
        s.add(RosterTopics.ENROLLMENTS, studentA, GuardianLinked.TYPE, new GuardianLinked(studentA, guardian, "PARENT"));
        // assessment
        s.add(AssessmentTopics.ASSESSMENTS, assessment, AssessmentDefined.TYPE, new AssessmentDefined(assessment, 1, "Ratios check", "SUMMATIVE",
                "SELECTED_RESPONSE", List.of(c1, c2), List.of("form-a", "form-b"), "ANSWER_KEY", new RetakePolicy(24, true), teacher));
        Instant t1 = start.plusSeconds(3600);
        Instant t2 = start.plusSeconds(86_400 * 3);
        evidence(s, studentA, "ev-a1-" + suffix, c1, 3.0, "att-a1-" + suffix, t1);
        evidence(s, studentA, "ev-a2-" + suffix, c1, 4.0, "att-a2-" + suffix, t2);
        evidence(s, studentA, "ev-a3-" + suffix, c2, 1.0, "att-a3-" + suffix, t2);
        s.add(AssessmentTopics.ATTEMPTS, studentA, AttemptScored.TYPE, new AttemptScored("att-a3-" + suffix, studentA, assessment, "SUMMATIVE",
                "SELECTED_RESPONSE", List.of(new CompetencyScore(c2, 1.0, "ev-a3-" + suffix)), "auto", t2, t2, false));
        s.add(AssessmentTopics.ATTEMPTS, studentA, AttemptVoided.TYPE, new AttemptVoided("att-a3-" + suffix, studentA, assessment, "PROCTORING", teacher, t2.plusSeconds(60)));
        evidence(s, studentB, "ev-b1-" + suffix, c2, 1.0, "att-b1-" + suffix, t1);
        evidence(s, studentB, "ev-b2-" + suffix, c2, 2.0, "att-b2-" + suffix, t2);
        // progression decisions
        EvidenceUsed a1 = new EvidenceUsed("ev-a1-" + suffix, 3.0, t1, "SELECTED_RESPONSE");
        EvidenceUsed a2 = new EvidenceUsed("ev-a2-" + suffix, 4.0, t2, "SELECTED_RESPONSE");
        s.add(ProgressionTopics.DECISIONS, studentA, EvidenceAccepted.TYPE, new EvidenceAccepted(studentA, "ev-a1-" + suffix, c1, 3.0, "SELECTED_RESPONSE", "SUMMATIVE", t1));
        s.add(ProgressionTopics.DECISIONS, studentA, MasteryLevelChanged.TYPE, new MasteryLevelChanged(studentA, c1, "INSUFFICIENT_EVIDENCE", null, 3.0, 1,
                explanation("INSUFFICIENT_EVIDENCE", 3.0, List.of(a1))));
        s.add(ProgressionTopics.DECISIONS, studentA, EvidenceAccepted.TYPE, new EvidenceAccepted(studentA, "ev-a2-" + suffix, c1, 4.0, "SELECTED_RESPONSE", "SUMMATIVE", t2));
        s.add(ProgressionTopics.DECISIONS, studentA, MasteryLevelChanged.TYPE, new MasteryLevelChanged(studentA, c1, "MASTERED", null, 3.65, 2,
                explanation("MASTERED", 3.65, List.of(a1, a2))));
        s.add(ProgressionTopics.DECISIONS, studentA, CompetencyMastered.TYPE, new CompetencyMastered(studentA, c1, 3.65, explanation("MASTERED", 3.65, List.of(a1, a2))));
        s.add(ProgressionTopics.DECISIONS, studentA, CompetencyUnlocked.TYPE, new CompetencyUnlocked(studentA, c2, List.of(c1)));
        s.add(ProgressionTopics.DECISIONS, studentA, CourseCreditEarned.TYPE, new CourseCreditEarned(studentA, smallCourse, 0.5, List.of(c1)));
        EvidenceUsed b1 = new EvidenceUsed("ev-b1-" + suffix, 1.0, t1, "SELECTED_RESPONSE");
        EvidenceUsed b2 = new EvidenceUsed("ev-b2-" + suffix, 2.0, t2, "SELECTED_RESPONSE");
        s.add(ProgressionTopics.DECISIONS, studentB, MasteryLevelChanged.TYPE, new MasteryLevelChanged(studentB, c2, "IN_PROGRESS", "ph-1-" + c2, 1.65, 2,
                explanation("IN_PROGRESS", 1.65, List.of(b1, b2))));
        s.add(ProgressionTopics.DECISIONS, studentB, InterventionRecommended.TYPE, new InterventionRecommended("int-b-" + suffix, studentB, c2,
                "CONSECUTIVE_BELOW_CUT", List.of("ev-b1-" + suffix, "ev-b2-" + suffix)));
        // journeys
        s.add(ProgressionTopics.JOURNEYS, studentA, GoalSet.TYPE, new GoalSet("goal-a-" + suffix, studentA, c2, LocalDate.of(2026, 12, 20)));
        s.add(ProgressionTopics.JOURNEYS, studentA, ReflectionRecorded.TYPE, new ReflectionRecorded("refl-a-" + suffix, studentA, c1));
        s.add(ProgressionTopics.JOURNEYS, studentA, PeerTutoringOptedIn.TYPE, new PeerTutoringOptedIn(studentA));
        return s;
    }

    private void evidence(EventStreams s, String student, String evidenceId, String competency, double score, String attemptId, Instant at) {
        s.add(AssessmentTopics.EVIDENCE, student, EvidenceRecorded.TYPE, new EvidenceRecorded(evidenceId, student, competency, score,
                "SELECTED_RESPONSE", "SUMMATIVE", assessment, attemptId, null, "auto", at, at.plusSeconds(5), null));
    }
}

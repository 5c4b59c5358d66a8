package org.mastery.reporting.projection.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.mastery.contracts.assessment.AssessmentDefined;
import org.mastery.contracts.assessment.AssessmentRetired;
import org.mastery.contracts.assessment.AttemptRescored;
import org.mastery.contracts.assessment.AttemptScored;
import org.mastery.contracts.assessment.AttemptStarted;
import org.mastery.contracts.assessment.AttemptSubmitted;
import org.mastery.contracts.assessment.AttemptVoided;
import org.mastery.contracts.assessment.EvidenceRecorded;
import org.mastery.contracts.assessment.EvidenceVoided;
import org.mastery.contracts.curriculum.CompetencyDefined;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.CompetencyRetired;
import org.mastery.contracts.curriculum.CompetencyRevised;
import org.mastery.contracts.curriculum.CourseDefined;
import org.mastery.contracts.curriculum.CourseDefinition;
import org.mastery.contracts.curriculum.CourseRevised;
import org.mastery.contracts.progression.CompetencyMastered;
import org.mastery.contracts.progression.CompetencyUnlocked;
import org.mastery.contracts.progression.CourseCreditEarned;
import org.mastery.contracts.progression.EvidenceAccepted;
import org.mastery.contracts.progression.EvidenceUsed;
import org.mastery.contracts.progression.EvidenceWithdrawn;
import org.mastery.contracts.progression.Explanation;
import org.mastery.contracts.progression.GoalAchieved;
import org.mastery.contracts.progression.GoalSet;
import org.mastery.contracts.progression.InterventionRecommended;
import org.mastery.contracts.progression.InterventionResolved;
import org.mastery.contracts.progression.MasteryLapsed;
import org.mastery.contracts.progression.MasteryLevelChanged;
import org.mastery.contracts.progression.PeerTutoringOptedIn;
import org.mastery.contracts.progression.PeerTutoringOptedOut;
import org.mastery.contracts.progression.ReassessmentUnlocked;
import org.mastery.contracts.progression.ReflectionRecorded;
import org.mastery.contracts.progression.TeacherOverrideApplied;
import org.mastery.contracts.progression.TeacherOverrideExpired;
import org.mastery.contracts.roster.ClassCreated;
import org.mastery.contracts.roster.GuardianLinked;
import org.mastery.contracts.roster.GuardianUnlinked;
import org.mastery.contracts.roster.OrganizationRegistered;
import org.mastery.contracts.roster.PersonalDataErased;
import org.mastery.contracts.roster.StudentEnrolled;
import org.mastery.contracts.roster.StudentRegistered;
import org.mastery.contracts.roster.StudentUnenrolled;
import org.mastery.contracts.roster.TeacherAssigned;
import org.mastery.contracts.roster.TeacherUnassigned;
import org.mastery.kit.inbound.InboundEvent;
import org.mastery.reporting.projection.query.StudentProgress.AttemptEntry;
import org.mastery.reporting.projection.query.StudentProgress.CompetencyProgress;
import org.mastery.reporting.projection.query.StudentProgress.DecisionPoint;
import org.mastery.reporting.projection.query.StudentProgress.EvidenceEntry;
import org.mastery.reporting.projection.query.StudentProgress.ExplanationSummary;

/**
 * Builds every reporting read model from the CloudEvents of all streams.
 *
 * <p>How it stays correct whatever the interleaving of the streams: facts are stored by their own
 * ids (evidence, goals, interventions, …) and merged field by field; "latest" values are decided by
 * a version carried in the event (definitions) or by the event's position in the one ordered stream
 * that carries them (a student's decisions); and every derived document (transcript, the summary
 * with the class-map row and the roll-up contribution) is recomputed from the student's whole
 * document after each change. Reference data (competency statements, course lists, names) is joined
 * when a view is read, by {@code _id}, so a definition that arrives after the evidence is shown as
 * soon as it arrives.
 */
public class ReportingProjector {

    private final ReadModelStore store;
    private final Consumer<String> onPersonalDataErased;
    /**
     * The students this projector has written, as written, with what was derived from them: the next
     * event of the same student (a batch carries many) starts from these instead of reading the document
     * back and deriving its "before" again. Writes still go to the store at once.
     */
    private final Map<String, Written> written = new HashMap<>();

    private record Written(StudentProgress student, JsonNode transcript, JsonNode row, JsonNode contribution) {
    }

    public ReportingProjector(ReadModelStore store, Consumer<String> onPersonalDataErased) {
        this.store = store;
        this.onPersonalDataErased = onPersonalDataErased;
    }

    public ReportingProjector(ReadModelStore store) {
        this(store, id -> { });
    }

    public ReadModelStore store() {
        return store;
    }

    /** Applies one event of any stream; unknown types are ignored (consumers ignore what they do not know). */
    public void apply(InboundEvent event) {
        switch (event.type()) {
            // ---- curriculum ----
            case CompetencyDefined.TYPE -> defineCompetency(data(event, CompetencyDefined.class).competency());
            case CompetencyRevised.TYPE -> defineCompetency(data(event, CompetencyRevised.class).competency());
            case CompetencyRetired.TYPE -> {
                CompetencyRetired e = data(event, CompetencyRetired.class);
                store.setFields(ReadModels.COMPETENCIES, e.competencyId(), fields("competencyId", e.competencyId(),
                        "retired", true, "retiredAt", e.retiredAt()));
            }
            case CourseDefined.TYPE -> defineCourse(data(event, CourseDefined.class).course());
            case CourseRevised.TYPE -> defineCourse(data(event, CourseRevised.class).course());
            // ---- roster ----
            case OrganizationRegistered.TYPE -> {
                OrganizationRegistered e = data(event, OrganizationRegistered.class);
                store.setFields(ReadModels.ORG_ROLLS, e.orgId(), fields("orgId", e.orgId(), "type", e.type(),
                        "name", e.name(), "parentOrgId", e.parentOrgId()));
                if (e.parentOrgId() != null) {
                    store.setEntry(ReadModels.ORG_ROLLS, e.parentOrgId(), "children", e.orgId(),
                            TextNode.valueOf(e.type() == null ? "SCHOOL" : e.type()));
                }
            }
            case ClassCreated.TYPE -> {
                ClassCreated e = data(event, ClassCreated.class);
                store.setFields(ReadModels.CLASS_MAPS, e.classId(), fields("classId", e.classId(), "schoolId", e.schoolId(),
                        "courseId", e.courseId(), "title", e.title(), "term", e.term()));
            }
            case TeacherAssigned.TYPE -> {
                TeacherAssigned e = data(event, TeacherAssigned.class);
                store.setEntry(ReadModels.CLASS_MAPS, e.classId(), "teachers", e.teacherId(), BooleanNode.TRUE);
            }
            case TeacherUnassigned.TYPE -> {
                TeacherUnassigned e = data(event, TeacherUnassigned.class);
                store.removeEntry(ReadModels.CLASS_MAPS, e.classId(), "teachers", e.teacherId());
            }
            case StudentRegistered.TYPE -> {
                StudentRegistered e = data(event, StudentRegistered.class);
                updateStudent(e.studentId(), s -> {
                    s.schoolId = e.schoolId();
                    s.gradeLevel = e.gradeLevel();
                });
            }
            case StudentEnrolled.TYPE -> {
                StudentEnrolled e = data(event, StudentEnrolled.class);
                updateStudent(e.studentId(), s -> s.classIds.add(e.classId()));
            }
            case StudentUnenrolled.TYPE -> {
                StudentUnenrolled e = data(event, StudentUnenrolled.class);
                updateStudent(e.studentId(), s -> s.classIds.remove(e.classId()));
                store.removeEntry(ReadModels.CLASS_MAPS, e.classId(), "students", e.studentId());
            }
            case GuardianLinked.TYPE -> {
                GuardianLinked e = data(event, GuardianLinked.class);
                updateStudent(e.studentId(), s -> s.guardianIds.add(e.guardianId()));
            }
            case GuardianUnlinked.TYPE -> {
                GuardianUnlinked e = data(event, GuardianUnlinked.class);
                updateStudent(e.studentId(), s -> s.guardianIds.remove(e.guardianId()));
            }
            case PersonalDataErased.TYPE -> {
                PersonalDataErased e = data(event, PersonalDataErased.class);
                ObjectNode erased = ReadModels.JSON.createObjectNode();
                erased.put("personId", e.personId());
                erased.put("role", e.role());
                erased.set("erasedAt", ReadModels.node(e.erasedAt() != null ? e.erasedAt() : event.time()));
                store.replace(ReadModels.ERASED_PEOPLE, e.personId(), erased);
                onPersonalDataErased.accept(e.personId());
            }
            // ---- assessment ----
            case AssessmentDefined.TYPE -> defineAssessment(data(event, AssessmentDefined.class));
            case AssessmentRetired.TYPE -> {
                AssessmentRetired e = data(event, AssessmentRetired.class);
                store.setFields(ReadModels.ASSESSMENTS, e.assessmentId(), fields("assessmentId", e.assessmentId(),
                        "retired", true, "retiredAt", e.retiredAt()));
            }
            case AttemptStarted.TYPE -> {
                AttemptStarted e = data(event, AttemptStarted.class);
                updateStudent(e.studentId(), s -> {
                    AttemptEntry a = attempt(s, e.attemptId());
                    a.assessmentId = e.assessmentId();
                    a.attemptNumber = e.attemptNumber();
                    a.startedAt = e.startedAt();
                });
            }
            case AttemptSubmitted.TYPE -> {
                AttemptSubmitted e = data(event, AttemptSubmitted.class);
                updateStudent(e.studentId(), s -> {
                    AttemptEntry a = attempt(s, e.attemptId());
                    a.assessmentId = e.assessmentId();
                    a.submittedAt = e.submittedAt();
                });
            }
            case AttemptScored.TYPE -> {
                AttemptScored e = data(event, AttemptScored.class);
                updateStudent(e.studentId(), s -> {
                    AttemptEntry a = attempt(s, e.attemptId());
                    a.assessmentId = e.assessmentId();
                    a.assessmentType = e.assessmentType();
                    a.method = e.method();
                    a.scoredAt = e.scoredAt();
                    a.passed = e.passed();
                });
            }
            case AttemptRescored.TYPE -> {
                AttemptRescored e = data(event, AttemptRescored.class);
                updateStudent(e.studentId(), s -> {
                    AttemptEntry a = attempt(s, e.attemptId());
                    a.assessmentId = e.assessmentId();
                    a.scoredAt = Derivations.max(a.scoredAt, e.rescoredAt());
                    a.passed = e.passed();
                });
            }
            case AttemptVoided.TYPE -> {
                AttemptVoided e = data(event, AttemptVoided.class);
                updateStudent(e.studentId(), s -> {
                    AttemptEntry a = attempt(s, e.attemptId());
                    a.assessmentId = e.assessmentId();
                    a.voided = true;
                });
            }
            case EvidenceRecorded.TYPE -> {
                EvidenceRecorded e = data(event, EvidenceRecorded.class);
                updateStudent(e.studentId(), s -> {
                    EvidenceEntry entry = evidence(s, e.evidenceId());
                    entry.competencyId = e.competencyId();
                    entry.score = e.score();
                    entry.method = e.method();
                    entry.assessmentType = e.assessmentType();
                    entry.assessmentId = e.assessmentId();
                    entry.attemptId = e.attemptId();
                    entry.observedAt = e.observedAt();
                    entry.recordedAt = e.recordedAt();
                    entry.sources.add("assessment");
                    if (e.supersedes() != null) {
                        EvidenceEntry old = evidence(s, e.supersedes());
                        old.voided = true;
                        old.voidReason = "RESCORED";
                        old.supersededBy = e.evidenceId();
                        if (old.competencyId == null) {
                            old.competencyId = e.competencyId();
                        }
                    }
                });
            }
            case EvidenceVoided.TYPE -> {
                EvidenceVoided e = data(event, EvidenceVoided.class);
                updateStudent(e.studentId(), s -> {
                    EvidenceEntry entry = evidence(s, e.evidenceId());
                    if (entry.competencyId == null) {
                        entry.competencyId = e.competencyId();
                    }
                    entry.voided = true;
                    entry.voidReason = e.reasonCode();
                    if (e.supersededBy() != null) {
                        entry.supersededBy = e.supersededBy();
                    }
                });
            }
            // ---- progression: decisions (one ordered stream per student) ----
            case EvidenceAccepted.TYPE -> {
                EvidenceAccepted e = data(event, EvidenceAccepted.class);
                updateStudent(e.studentId(), s -> {
                    EvidenceEntry entry = evidence(s, e.evidenceId());
                    entry.competencyId = e.competencyId();
                    entry.score = e.score();
                    entry.method = e.method();
                    entry.assessmentType = e.assessmentType();
                    entry.observedAt = e.observedAt();
                    entry.sources.add("progression");
                });
            }
            case EvidenceWithdrawn.TYPE -> {
                EvidenceWithdrawn e = data(event, EvidenceWithdrawn.class);
                updateStudent(e.studentId(), s -> {
                    EvidenceEntry entry = evidence(s, e.evidenceId());
                    if (entry.competencyId == null) {
                        entry.competencyId = e.competencyId();
                    }
                    entry.voided = true;
                    entry.voidReason = e.reasonCode();
                });
            }
            case MasteryLevelChanged.TYPE -> {
                MasteryLevelChanged e = data(event, MasteryLevelChanged.class);
                updateStudent(e.studentId(), s -> {
                    CompetencyProgress c = s.competency(e.competencyId());
                    c.history.put(event.id(), point(event.time(), "LEVEL", e.state(), e.value()));
                    if (event.offset() > c.decisionPosition) {
                        c.decisionPosition = event.offset();
                        c.state = e.state();
                        c.phaseId = e.phaseId();
                        c.value = e.value();
                        c.decidedEvidenceCount = e.evidenceCount();
                        c.stateAt = event.time();
                        c.explanation = summary(e.explanation());
                    }
                });
            }
            case CompetencyMastered.TYPE -> {
                CompetencyMastered e = data(event, CompetencyMastered.class);
                updateStudent(e.studentId(), s -> {
                    CompetencyProgress c = s.competency(e.competencyId());
                    c.history.put(event.id(), point(event.time(), "MASTERED", "MASTERED", e.value()));
                    if (event.offset() > c.decisionPosition) {
                        c.decisionPosition = event.offset();
                        c.state = "MASTERED";
                        c.value = e.value();
                        c.phaseId = null;
                        c.stateAt = event.time();
                        c.masteredAt = event.time();
                        c.masteredValue = e.value();
                        c.explanation = summary(e.explanation());
                    }
                });
            }
            case MasteryLapsed.TYPE -> {
                MasteryLapsed e = data(event, MasteryLapsed.class);
                updateStudent(e.studentId(), s -> {
                    CompetencyProgress c = s.competency(e.competencyId());
                    Double value = e.explanation() != null ? e.explanation().value() : null;
                    c.history.put(event.id(), point(event.time(), "LAPSED", "NEEDS_REVIEW", value));
                    if (event.offset() > c.decisionPosition) {
                        c.decisionPosition = event.offset();
                        c.state = "NEEDS_REVIEW";
                        if (value != null) {
                            c.value = value;
                        }
                        c.stateAt = event.time();
                        c.lapsedAt = event.time();
                        c.explanation = summary(e.explanation());
                    }
                });
            }
            case TeacherOverrideApplied.TYPE -> {
                TeacherOverrideApplied e = data(event, TeacherOverrideApplied.class);
                updateStudent(e.studentId(), s -> {
                    CompetencyProgress c = s.competency(e.competencyId());
                    c.history.put(event.id(), point(event.time(), "OVERRIDE", e.state(), null));
                    if (event.offset() > c.decisionPosition) {
                        c.decisionPosition = event.offset();
                        StudentProgress.OverrideEntry o = new StudentProgress.OverrideEntry();
                        o.overrideId = e.overrideId();
                        o.teacherId = e.teacherId();
                        o.state = e.state();
                        o.reasonCode = e.reasonCode();
                        o.appliedAt = event.time();
                        o.expiresAt = e.expiresAt();
                        c.override = o;
                    }
                });
            }
            case TeacherOverrideExpired.TYPE -> {
                TeacherOverrideExpired e = data(event, TeacherOverrideExpired.class);
                updateStudent(e.studentId(), s -> {
                    CompetencyProgress c = s.competency(e.competencyId());
                    c.history.put(event.id(), point(event.time(), "OVERRIDE_EXPIRED", null, null));
                    if (event.offset() > c.decisionPosition) {
                        c.decisionPosition = event.offset();
                        if (c.override != null && Objects.equals(c.override.overrideId, e.overrideId())) {
                            c.override = null;
                        }
                    }
                });
            }
            case CompetencyUnlocked.TYPE -> {
                CompetencyUnlocked e = data(event, CompetencyUnlocked.class);
                updateStudent(e.studentId(), s -> {
                    CompetencyProgress c = s.competency(e.competencyId());
                    c.unlocked = true;
                    c.unlockedBy = e.prerequisiteIds();
                    c.unlockedAt = event.time();
                });
            }
            case InterventionRecommended.TYPE -> {
                InterventionRecommended e = data(event, InterventionRecommended.class);
                updateStudent(e.studentId(), s -> {
                    StudentProgress.InterventionEntry i = s.interventions.computeIfAbsent(e.interventionId(),
                            id -> new StudentProgress.InterventionEntry());
                    i.competencyId = e.competencyId();
                    i.reason = e.reason();
                    i.evidenceIds = e.evidenceIds();
                    i.recommendedAt = event.time();
                });
            }
            case InterventionResolved.TYPE -> {
                InterventionResolved e = data(event, InterventionResolved.class);
                updateStudent(e.studentId(), s -> {
                    StudentProgress.InterventionEntry i = s.interventions.computeIfAbsent(e.interventionId(),
                            id -> new StudentProgress.InterventionEntry());
                    i.competencyId = e.competencyId();
                    i.resolved = true;
                    i.resolvedAt = event.time();
                });
            }
            case ReassessmentUnlocked.TYPE -> {
                ReassessmentUnlocked e = data(event, ReassessmentUnlocked.class);
                updateStudent(e.studentId(), s -> {
                    StudentProgress.RetakeEntry r = new StudentProgress.RetakeEntry();
                    r.competencyId = e.competencyId();
                    r.reason = e.reason();
                    r.unlockedAt = event.time();
                    s.retakes.put(e.assessmentId(), r);
                });
            }
            case CourseCreditEarned.TYPE -> {
                CourseCreditEarned e = data(event, CourseCreditEarned.class);
                updateStudent(e.studentId(), s -> {
                    StudentProgress.CreditEntry credit = new StudentProgress.CreditEntry();
                    credit.credits = e.credits();
                    credit.competencyIds = e.competencyIds();
                    credit.earnedAt = event.time();
                    s.credits.put(e.courseId(), credit);
                });
            }
            case GoalAchieved.TYPE -> {
                GoalAchieved e = data(event, GoalAchieved.class);
                updateStudent(e.studentId(), s -> {
                    StudentProgress.GoalEntry goal = s.goals.computeIfAbsent(e.goalId(), id -> new StudentProgress.GoalEntry());
                    goal.competencyId = e.competencyId();
                    goal.achievedAt = event.time();
                });
            }
            // ---- progression: journeys ----
            case GoalSet.TYPE -> {
                GoalSet e = data(event, GoalSet.class);
                updateStudent(e.studentId(), s -> {
                    StudentProgress.GoalEntry goal = s.goals.computeIfAbsent(e.goalId(), id -> new StudentProgress.GoalEntry());
                    goal.competencyId = e.competencyId();
                    goal.targetDate = e.targetDate();
                    goal.setAt = event.time();
                });
            }
            case ReflectionRecorded.TYPE -> {
                ReflectionRecorded e = data(event, ReflectionRecorded.class);
                updateStudent(e.studentId(), s -> {
                    StudentProgress.ReflectionEntry r = new StudentProgress.ReflectionEntry();
                    r.competencyId = e.competencyId();
                    r.recordedAt = event.time();
                    s.reflections.put(e.reflectionId(), r);
                });
            }
            case PeerTutoringOptedIn.TYPE -> tutoring(event, data(event, PeerTutoringOptedIn.class).studentId(), true);
            case PeerTutoringOptedOut.TYPE -> tutoring(event, data(event, PeerTutoringOptedOut.class).studentId(), false);
            default -> {
                // not part of any reporting view
            }
        }
    }

    private void tutoring(InboundEvent event, String studentId, boolean optedIn) {
        updateStudent(studentId, s -> {
            if (s.tutoring == null || event.offset() > s.tutoring.position) {
                StudentProgress.Tutoring t = new StudentProgress.Tutoring();
                t.optedIn = optedIn;
                t.at = event.time();
                t.position = event.offset();
                s.tutoring = t;
            }
        });
    }

    private void defineCompetency(CompetencyDefinition definition) {
        keepHighestVersion(ReadModels.COMPETENCIES, "competencyId", definition.competencyId(), definition.competencyVersion(),
                "definition", definition);
    }

    private void defineCourse(CourseDefinition course) {
        keepHighestVersion(ReadModels.COURSES, "courseId", course.courseId(), course.version(), "course", course);
    }

    private void defineAssessment(AssessmentDefined assessment) {
        keepHighestVersion(ReadModels.ASSESSMENTS, "assessmentId", assessment.assessmentId(), assessment.version(),
                "assessment", assessment);
    }

    /** Definitions carry their version: the highest wins, whichever arrives last. */
    private void keepHighestVersion(String collection, String idField, String id, int version, String field, Object definition) {
        ObjectNode doc = store.find(collection, id).orElseGet(ReadModels.JSON::createObjectNode);
        if (doc.has("version") && doc.get("version").asInt() > version) {
            return;
        }
        doc.put(idField, id);
        doc.put("version", version);
        doc.set(field, ReadModels.node(definition));
        store.replace(collection, id, doc);
    }

    /**
     * Read, change and write the student's document and every document derived from it. A derived
     * document is written only when the change altered it, and before the student's own document: if
     * the process stops in between, the redelivered event finds the derived documents already ahead
     * and the student's document is brought level, so the two never stay apart.
     */
    void updateStudent(String studentId, Consumer<StudentProgress> change) {
        if (studentId == null || studentId.isBlank()) {
            return;
        }
        // taken out while it changes: if the change fails, the next event reads the stored document again
        Written last = written.remove(studentId);
        StudentProgress student;
        JsonNode transcriptBefore;
        JsonNode rowBefore;
        JsonNode contributionBefore;
        if (last != null) {
            student = last.student();
            transcriptBefore = last.transcript();
            rowBefore = last.row();
            contributionBefore = last.contribution();
        } else {
            java.util.Optional<StudentProgress> stored = store.find(ReadModels.STUDENT_PROGRESS, studentId)
                    .map(node -> ReadModels.read(node, StudentProgress.class));
            student = stored.orElseGet(() -> new StudentProgress(studentId));
            boolean known = stored.isPresent();
            transcriptBefore = known ? ReadModels.node(Derivations.transcript(student)) : null;
            rowBefore = known ? ReadModels.node(Derivations.row(student)) : null;
            contributionBefore = known ? ReadModels.node(Derivations.contribution(student)) : null;
        }
        java.util.Set<String> classesBefore = new java.util.TreeSet<>(student.classIds);
        String formerSchool = student.contributedSchoolId;

        change.accept(student);
        student.contributedSchoolId = student.schoolId;

        JsonNode transcript = ReadModels.node(Derivations.transcript(student));
        if (!transcript.equals(transcriptBefore)) {
            store.replace(ReadModels.TRANSCRIPTS, studentId, (ObjectNode) transcript);
        }
        JsonNode row = ReadModels.node(Derivations.row(student));
        JsonNode contribution = ReadModels.node(Derivations.contribution(student));
        if (!row.equals(rowBefore) || !contribution.equals(contributionBefore)) {
            ObjectNode summary = ReadModels.JSON.createObjectNode();
            summary.put("studentId", studentId);
            summary.set("row", row);
            summary.set("contribution", contribution);
            store.replace(ReadModels.STUDENT_SUMMARIES, studentId, summary);
        }
        for (String classId : student.classIds) {
            if (!classesBefore.contains(classId)) {
                store.setEntry(ReadModels.CLASS_MAPS, classId, "students", studentId, BooleanNode.TRUE);
            }
        }
        if (formerSchool != null && !formerSchool.equals(student.schoolId)) {
            store.removeEntry(ReadModels.ORG_ROLLS, formerSchool, "students", studentId);
        }
        if (student.schoolId != null && !student.schoolId.equals(formerSchool)) {
            store.setEntry(ReadModels.ORG_ROLLS, student.schoolId, "students", studentId, BooleanNode.TRUE);
        }
        store.replace(ReadModels.STUDENT_PROGRESS, studentId, ReadModels.tree(student));
        written.put(studentId, new Written(student, transcript, row, contribution));
    }

    public StudentProgress loadStudent(String studentId) {
        return store.find(ReadModels.STUDENT_PROGRESS, studentId)
                .map(node -> ReadModels.read(node, StudentProgress.class))
                .orElseGet(() -> new StudentProgress(studentId));
    }

    private static AttemptEntry attempt(StudentProgress s, String attemptId) {
        return s.attempts.computeIfAbsent(attemptId, id -> new AttemptEntry());
    }

    private static EvidenceEntry evidence(StudentProgress s, String evidenceId) {
        return s.evidence.computeIfAbsent(evidenceId, id -> new EvidenceEntry());
    }

    private static DecisionPoint point(Instant at, String kind, String state, Double value) {
        DecisionPoint p = new DecisionPoint();
        p.at = at;
        p.kind = kind;
        p.state = state;
        p.value = value;
        return p;
    }

    private static ExplanationSummary summary(Explanation explanation) {
        if (explanation == null) {
            return null;
        }
        ExplanationSummary s = new ExplanationSummary();
        s.method = explanation.method();
        s.policyVersion = explanation.policyVersion();
        s.competencyVersion = explanation.competencyVersion();
        s.cut = explanation.cut();
        s.minEvidence = explanation.minEvidence();
        s.missingMethods = explanation.missingMethods();
        s.evidenceIds = explanation.evidence() == null ? null
                : explanation.evidence().stream().map(EvidenceUsed::evidenceId).toList();
        return s;
    }

    private static <T> T data(InboundEvent event, Class<T> type) {
        return event.dataAs(type, ReadModels.JSON);
    }

    private static Map<String, JsonNode> fields(Object... namesAndValues) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                fields.put((String) namesAndValues[i], ReadModels.node(value));
            }
        }
        return fields;
    }

    /** For tests and rebuild checks. */
    public static List<String> collections() {
        return ReadModels.PROJECTIONS;
    }
}

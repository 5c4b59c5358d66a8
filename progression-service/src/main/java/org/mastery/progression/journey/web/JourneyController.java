package org.mastery.progression.journey.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.access.disclosure.DisclosesStudentRecord;
import org.mastery.progression.catalog.query.CatalogViews;
import org.mastery.progression.journey.domain.ChoosePeerTutoring;
import org.mastery.progression.journey.domain.Explanation;
import org.mastery.progression.journey.domain.MasteryState;
import org.mastery.progression.journey.domain.OverrideMastery;
import org.mastery.progression.journey.domain.RecordReflection;
import org.mastery.progression.journey.domain.SetGoal;
import org.mastery.progression.journey.integration.JourneyTexts;
import org.mastery.progression.journey.query.JourneyAudit;
import org.mastery.progression.journey.query.NextSteps;
import org.mastery.progression.journey.query.ProgressionView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A student's journey over HTTP: progression, next steps, goals, reflections, overrides, peer tutoring, replay check. */
@RestController
@RequestMapping("/api/students/{studentId}")
public class JourneyController {

    private final CommandGateway commands;
    private final MongoTemplate mongo;
    private final AccessGuard access;
    private final CatalogViews catalog;
    private final NextSteps nextSteps;
    private final JourneyTexts texts;
    private final JourneyAudit audit;
    private final Clock clock;

    public JourneyController(CommandGateway commands, MongoTemplate mongo, AccessGuard access, CatalogViews catalog,
                             NextSteps nextSteps, JourneyTexts texts, JourneyAudit audit, Clock clock) {
        this.commands = commands;
        this.mongo = mongo;
        this.access = access;
        this.catalog = catalog;
        this.nextSteps = nextSteps;
        this.texts = texts;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reads ----

    public record CompetencyProgress(String competencyId, String state, Double score, Integer level, String levelLabel,
                                     String phaseId, int evidenceCount, Instant lastEvidenceAt, Explanation explanation,
                                     String overrideId, String openInterventionId) {
    }

    public record Progression(String studentId, List<CompetencyProgress> competencies, List<String> unlocked,
                              List<ProgressionView.CreditEntry> credits, List<ProgressionView.GoalEntry> goals,
                              int reflections, boolean peerTutor) {
    }

    @GetMapping("/progression")
    @DisclosesStudentRecord(record = "progression", studentIdVariable = "studentId")
    public Progression progression(@PathVariable String studentId, Viewer viewer) {
        access.requireStudentReadable(viewer, studentId);
        ProgressionView view = mongo.findById(studentId, ProgressionView.class);
        if (view == null) {
            return new Progression(studentId, List.of(), List.of(), List.of(), List.of(), 0, false);
        }
        List<CompetencyProgress> competencies = view.competencies.stream().map(c -> new CompetencyProgress(
                c.competencyId, c.state, c.value, c.level, levelLabel(c.competencyId, c.level), c.phaseId,
                c.evidenceCount, c.lastEvidenceAt, c.explanation, c.overrideId, c.openInterventionId)).toList();
        return new Progression(studentId, competencies, view.unlocked, view.credits, view.goals,
                view.reflections.size(), view.peerTutor);
    }

    private String levelLabel(String competencyId, Integer level) {
        if (level == null) {
            return null;
        }
        return catalog.policy(competencyId).levels().stream().filter(l -> l.value() == level)
                .map(l -> l.label()).findFirst().orElse(null);
    }

    @GetMapping("/next-steps")
    @DisclosesStudentRecord(record = "next-steps", studentIdVariable = "studentId")
    public List<NextSteps.NextStep> nextSteps(@PathVariable String studentId, Viewer viewer) {
        access.requireStudentReadable(viewer, studentId);
        return nextSteps.of(studentId);
    }

    /** Every recorded decision re-derived from the recorded evidence and policy versions. */
    @GetMapping("/replay-check")
    @DisclosesStudentRecord(record = "replay-check", studentIdVariable = "studentId")
    public JourneyAudit.Verification replayCheck(@PathVariable String studentId, Viewer viewer) {
        access.requireRole(viewer, Role.AUDITOR, Role.ADMIN);
        if (!audit.exists(studentId)) {
            throw new NoSuchObjectException("journey", studentId);
        }
        return audit.replayCheck(studentId);
    }

    // ---- student agency ----

    public record GoalRequest(@NotBlank @Size(max = 255) String competencyId, @NotNull @FutureOrPresent LocalDate targetDate,
                              @Size(max = 2000) String note) {
    }

    public record GoalCreated(String goalId, String competencyId, LocalDate targetDate) {
    }

    @PostMapping("/goals")
    public ResponseEntity<GoalCreated> setGoal(@PathVariable String studentId, @Valid @RequestBody GoalRequest body, Viewer viewer) {
        access.requireStudentThemself(viewer, studentId);
        requireCompetency(body.competencyId());
        String goalId = "goal-" + UUID.randomUUID();
        boolean note = body.note() != null && !body.note().isBlank();
        if (note) {
            texts.store(goalId, studentId, JourneyTexts.Kind.GOAL_NOTE, body.note().strip(), viewer.id(), clock.instant());
        }
        try {
            commands.sendAndWait(new SetGoal(studentId, goalId, body.competencyId(), body.targetDate()));
        } catch (RuntimeException e) {
            if (note) {
                texts.delete(goalId);
            }
            throw e;
        }
        return ResponseEntity.created(URI.create("/api/students/" + studentId + "/goals/" + goalId))
                .body(new GoalCreated(goalId, body.competencyId(), body.targetDate()));
    }

    public record ReflectionRequest(@Size(max = 255) String competencyId, @NotBlank @Size(max = 4000) String text) {
    }

    public record ReflectionCreated(String reflectionId, String competencyId) {
    }

    public record Reflection(String reflectionId, String text, Instant recordedAt) {
    }

    @PostMapping("/reflections")
    public ResponseEntity<ReflectionCreated> reflect(@PathVariable String studentId, @Valid @RequestBody ReflectionRequest body,
                                                     Viewer viewer) {
        access.requireStudentThemself(viewer, studentId);
        if (body.competencyId() != null) {
            requireCompetency(body.competencyId());
        }
        String reflectionId = "refl-" + UUID.randomUUID();
        texts.store(reflectionId, studentId, JourneyTexts.Kind.REFLECTION, body.text().strip(), viewer.id(), clock.instant());
        try {
            commands.sendAndWait(new RecordReflection(studentId, reflectionId, body.competencyId()));
        } catch (RuntimeException e) {
            texts.delete(reflectionId);
            throw e;
        }
        return ResponseEntity.created(URI.create("/api/students/" + studentId + "/reflections/" + reflectionId))
                .body(new ReflectionCreated(reflectionId, body.competencyId()));
    }

    /** The student's own reflections, with their texts (only the student reads them). */
    @GetMapping("/reflections")
    @DisclosesStudentRecord(record = "reflections", studentIdVariable = "studentId")
    public List<Reflection> reflections(@PathVariable String studentId, Viewer viewer) {
        access.requireStudentThemself(viewer, studentId);
        return texts.ofStudent(studentId, JourneyTexts.Kind.REFLECTION).stream()
                .map(t -> new Reflection(t.textId(), t.body(), t.createdAt())).toList();
    }

    public record PeerTutoringRequest(@NotNull Boolean optedIn) {
    }

    public record PeerTutoring(String studentId, boolean optedIn) {
    }

    @PutMapping("/peer-tutoring")
    public PeerTutoring peerTutoring(@PathVariable String studentId, @Valid @RequestBody PeerTutoringRequest body, Viewer viewer) {
        access.requireStudentThemself(viewer, studentId);
        commands.sendAndWait(new ChoosePeerTutoring(studentId, body.optedIn()));
        return new PeerTutoring(studentId, body.optedIn());
    }

    // ---- teacher override ----

    public record OverrideRequest(
            @NotBlank @Pattern(regexp = "MASTERED|IN_PROGRESS|NEEDS_REVIEW|INSUFFICIENT_EVIDENCE",
                    message = "must be MASTERED, IN_PROGRESS, NEEDS_REVIEW or INSUFFICIENT_EVIDENCE") String state,
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an upper-case code such as OBSERVED_IN_CLASS")
            String reasonCode,
            @NotBlank @Size(max = 2000) String reason,
            @Future Instant expiresAt) {
    }

    public record OverrideApplied(String overrideId, String studentId, String competencyId, String state, String reasonCode,
                                  Instant expiresAt) {
    }

    @PostMapping("/competencies/{competencyId}/override")
    public ResponseEntity<OverrideApplied> override(@PathVariable String studentId, @PathVariable String competencyId,
                                                    @Valid @RequestBody OverrideRequest body, Viewer viewer) {
        access.requireStudentTeachable(viewer, studentId);
        access.requireWriter(viewer);
        requireCompetency(competencyId);
        String overrideId = "ovr-" + UUID.randomUUID();
        texts.store(overrideId, studentId, JourneyTexts.Kind.OVERRIDE_REASON, body.reason().strip(), viewer.id(), clock.instant());
        try {
            commands.sendAndWait(new OverrideMastery(studentId, overrideId, catalog.context(competencyId), viewer.id(),
                    MasteryState.valueOf(body.state()), body.reasonCode(), body.expiresAt()));
        } catch (RuntimeException e) {
            texts.delete(overrideId);
            throw e;
        }
        return ResponseEntity.created(URI.create("/api/students/" + studentId + "/competencies/" + competencyId + "/override"))
                .body(new OverrideApplied(overrideId, studentId, competencyId, body.state(), body.reasonCode(), body.expiresAt()));
    }

    private void requireCompetency(String competencyId) {
        if (catalog.competency(competencyId).filter(c -> !c.retired()).isEmpty()) {
            throw new NoSuchObjectException("competency", competencyId);
        }
    }
}

package org.mastery.assessment.attempt.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.RosterFacts;
import org.mastery.access.Viewer;
import org.mastery.access.disclosure.DisclosesStudentRecord;
import org.mastery.access.disclosure.StudentRecordDisclosures;
import org.mastery.assessment.assessment.domain.AssessmentSpec;
import org.mastery.assessment.assessment.query.AssessmentDefinition;
import org.mastery.assessment.assessment.query.AssessmentDefinitions;
import org.mastery.assessment.assessment.query.AssessmentViews;
import org.mastery.assessment.assessment.web.AssessmentRetiredException;
import org.mastery.assessment.attempt.domain.AttemptIds;
import org.mastery.assessment.attempt.domain.AttemptSnapshot;
import org.mastery.assessment.attempt.domain.RescoreAttempt;
import org.mastery.assessment.attempt.domain.RetakeLockedException;
import org.mastery.assessment.attempt.domain.ScoreAttempt;
import org.mastery.assessment.attempt.domain.StartAttempt;
import org.mastery.assessment.attempt.domain.SubmitAttempt;
import org.mastery.assessment.attempt.domain.VoidAttempt;
import org.mastery.assessment.attempt.query.AssignedPractice;
import org.mastery.assessment.attempt.query.AttemptDirectory;
import org.mastery.assessment.attempt.query.AttemptPrivateRecords;
import org.mastery.assessment.attempt.query.IdempotencyKeys;
import org.mastery.assessment.attempt.query.AttemptViews;
import org.mastery.assessment.attempt.query.ScoringQueue;
import org.mastery.assessment.attempt.web.AttemptRequests.CriterionLevel;
import org.mastery.assessment.attempt.web.AttemptRequests.ItemCredit;
import org.mastery.assessment.attempt.web.AttemptRequests.ItemResponse;
import org.mastery.assessment.attempt.web.AttemptRequests.RescoreRequest;
import org.mastery.assessment.attempt.web.AttemptRequests.ScoreRequest;
import org.mastery.assessment.attempt.web.AttemptRequests.StartRequest;
import org.mastery.assessment.attempt.web.AttemptRequests.SubmitRequest;
import org.mastery.assessment.attempt.web.AttemptRequests.VoidRequest;
import org.mastery.assessment.attempt.web.AttemptResponses.AttemptDetails;
import org.mastery.assessment.attempt.web.AttemptResponses.AttemptResponse;
import org.mastery.assessment.attempt.web.AttemptResponses.FormContent;
import org.mastery.assessment.attempt.web.AttemptResponses.QueuedAttempt;
import org.mastery.assessment.attempt.web.AttemptResponses.ScoringQueueResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The attempt lifecycle: start (with an assigned form), submit, score, rescore, void, read; the scoring queue. */
@RestController
@RequestMapping("/api/attempts")
public class AttemptController {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final CommandGateway commands;
    private final AssessmentDefinitions definitions;
    private final AssessmentViews assessments;
    private final AttemptDirectory directory;
    private final AttemptViews views;
    private final AttemptPrivateRecords privateRecords;
    private final ScoringQueue queue;
    private final AssignedPractice practice;
    private final IdempotencyKeys idempotencyKeys;
    private final StudentActions actions;
    private final AccessGuard access;
    private final RosterFacts roster;
    private final Clock clock;

    public AttemptController(CommandGateway commands, AssessmentDefinitions definitions, AssessmentViews assessments,
                             AttemptDirectory directory, AttemptViews views, AttemptPrivateRecords privateRecords,
                             ScoringQueue queue, AssignedPractice practice, IdempotencyKeys idempotencyKeys,
                             StudentActions actions, AccessGuard access, RosterFacts roster, Clock clock) {
        this.commands = commands;
        this.definitions = definitions;
        this.assessments = assessments;
        this.directory = directory;
        this.views = views;
        this.privateRecords = privateRecords;
        this.queue = queue;
        this.practice = practice;
        this.idempotencyKeys = idempotencyKeys;
        this.actions = actions;
        this.access = access;
        this.roster = roster;
        this.clock = clock;
    }

    /**
     * Starts the student's next attempt and assigns its form. With an {@code Idempotency-Key}, a retry
     * answers the attempt the first request started (with {@code Idempotent-Replayed: true}).
     */
    @PostMapping
    public ResponseEntity<AttemptResponse> start(@Valid @RequestBody StartRequest body,
                                                 @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                                 Viewer viewer) {
        actions.requireStudentOrTeacher(viewer, body.studentId());
        String requestKey = RequestKeys.of(viewer.id(), idempotencyKey);
        AssessmentDefinition definition = definitions.find(body.assessmentId())
                .orElseThrow(() -> new NoSuchObjectException("assessment", body.assessmentId()));
        if (definition.retired()) {
            throw new AssessmentRetiredException(body.assessmentId());
        }
        idempotencyKeys.reserve(requestKey, "start|" + body.studentId() + "|" + body.assessmentId());
        String seriesId = AttemptIds.seriesId(body.studentId(), body.assessmentId());
        AttemptSnapshot started;
        try {
            started = commands.sendAndWait(new StartAttempt(seriesId, body.studentId(), definition.spec(), viewer.id(), requestKey));
        } catch (RetakeLockedException refusal) {
            throw new RetakeRefusedException(refusal, practice.openFor(body.studentId(), refusal.practiceRequired()));
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/attempts/" + started.attemptId()));
        if (started.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.body(AttemptResponse.of(started, FormContent.of(definition.spec(), started.formId())));
    }

    @PostMapping("/{id}/submit")
    public AttemptResponse submit(@PathVariable String id, @Valid @RequestBody SubmitRequest body, Viewer viewer) {
        AttemptDirectory.Owner owner = visible(id, viewer);
        actions.requireStudentOrTeacher(viewer, owner.studentId());
        AssessmentSpec spec = spec(owner);
        Map<String, String> responses = new LinkedHashMap<>();
        for (ItemResponse response : body.responses() == null ? List.<ItemResponse>of() : body.responses()) {
            if (responses.containsKey(response.itemId())) {
                throw new InvalidRequestException("item " + response.itemId() + " has more than one response");
            }
            responses.put(response.itemId(), response.response() == null ? "" : response.response());
        }
        List<String> evidenceUris = body.evidenceUris() == null ? List.of() : body.evidenceUris();
        for (String uri : evidenceUris) {
            requireWebLink(uri);
        }
        AttemptSnapshot submitted = commands.sendAndWait(new SubmitAttempt(owner.seriesId(), id, spec, responses,
                evidenceUris.size(), viewer.id()));
        if (!responses.isEmpty() || !evidenceUris.isEmpty()) {
            privateRecords.saveSubmission(id, owner.studentId(), responses, evidenceUris);
        }
        return AttemptResponse.of(submitted, null);
    }

    @PostMapping("/{id}/score")
    public AttemptResponse score(@PathVariable String id, @Valid @RequestBody ScoreRequest body, Viewer viewer) {
        AttemptDirectory.Owner owner = visible(id, viewer);
        actions.requireTeacher(viewer, owner.studentId());
        AttemptSnapshot scored = commands.sendAndWait(new ScoreAttempt(owner.seriesId(), id, spec(owner),
                levels(body.criteria()), viewer.id()));
        feedback(id, owner, viewer, scored.scoringRound(), body.feedback());
        return AttemptResponse.of(scored, null);
    }

    @PostMapping("/{id}/rescore")
    public AttemptResponse rescore(@PathVariable String id, @Valid @RequestBody RescoreRequest body, Viewer viewer) {
        AttemptDirectory.Owner owner = visible(id, viewer);
        actions.requireTeacher(viewer, owner.studentId());
        Map<String, Boolean> credits = new LinkedHashMap<>();
        for (ItemCredit credit : body.itemCredits() == null ? List.<ItemCredit>of() : body.itemCredits()) {
            if (credits.put(credit.itemId(), credit.correct()) != null) {
                throw new InvalidRequestException("item " + credit.itemId() + " is credited more than once");
            }
        }
        AttemptSnapshot rescored = commands.sendAndWait(new RescoreAttempt(owner.seriesId(), id, spec(owner),
                body.criteria() == null ? Map.of() : levels(body.criteria()), credits, body.reasonCode(), viewer.id()));
        feedback(id, owner, viewer, rescored.scoringRound(), body.feedback());
        return AttemptResponse.of(rescored, null);
    }

    @PostMapping("/{id}/void")
    public AttemptResponse voidAttempt(@PathVariable String id, @Valid @RequestBody VoidRequest body, Viewer viewer) {
        AttemptDirectory.Owner owner = visible(id, viewer);
        actions.requireTeacher(viewer, owner.studentId());
        return AttemptResponse.of(commands.sendAndWait(new VoidAttempt(owner.seriesId(), id, body.reasonCode(), viewer.id())), null);
    }

    @GetMapping("/{id}")
    @DisclosesStudentRecord(record = "attempt")
    public AttemptDetails get(@PathVariable String id, Viewer viewer) {
        var view = views.find(id).orElseThrow(() -> new NoSuchObjectException("attempt", id));
        if (!access.policy().canReadStudent(viewer, view.studentId)) {
            throw new NoSuchObjectException("attempt", id);
        }
        StudentRecordDisclosures.add(view.studentId);
        return AttemptDetails.of(view, privateRecords.find(id).orElse(null));
    }

    /**
     * Attempts awaiting rubric scoring, oldest submission first: for a teacher, those of the students
     * of their classes (or of one of them, with {@code classId}); for an administrator or auditor,
     * those of the class named.
     */
    @GetMapping("/scoring-queue")
    @DisclosesStudentRecord(record = "scoring-queue")
    public ScoringQueueResponse scoringQueue(@RequestParam(required = false) String classId, Viewer viewer) {
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN, Role.AUDITOR);
        Set<String> classes = new LinkedHashSet<>();
        if (classId != null) {
            access.requireClassReadable(viewer, classId);
            classes.add(classId);
        } else if (viewer.has(Role.TEACHER)) {
            classes.addAll(roster.classesTaughtBy(viewer.id()));
        } else {
            throw new InvalidRequestException("Name the class whose scoring queue to read: ?classId=");
        }
        Set<String> students = new LinkedHashSet<>();
        for (String c : classes) {
            roster.schoolClass(c).ifPresent(facts -> students.addAll(facts.studentIds()));
        }
        List<ScoringQueue.PendingAttempt> pending = queue.pendingFor(students);
        Map<String, String> titles = assessments.titles(pending.stream().map(ScoringQueue.PendingAttempt::assessmentId).toList());
        List<QueuedAttempt> attempts = new ArrayList<>();
        for (ScoringQueue.PendingAttempt p : pending) {
            StudentRecordDisclosures.add(p.studentId());
            attempts.add(new QueuedAttempt(p.attemptId(), p.studentId(), p.assessmentId(), titles.get(p.assessmentId()),
                    p.attemptNumber(), p.formId(), p.submittedAt()));
        }
        return new ScoringQueueResponse(attempts);
    }

    // ---------------------------------------------------------------- helpers

    /** The attempt's owner, or 404 alike for an unknown attempt and one the viewer may not see. */
    private AttemptDirectory.Owner visible(String attemptId, Viewer viewer) {
        AttemptDirectory.Owner owner = directory.ownerOf(attemptId).orElseThrow(() -> new NoSuchObjectException("attempt", attemptId));
        if (!access.policy().canReadStudent(viewer, owner.studentId())) {
            throw new NoSuchObjectException("attempt", attemptId);
        }
        return owner;
    }

    private AssessmentSpec spec(AttemptDirectory.Owner owner) {
        return definitions.find(owner.assessmentId())
                .orElseThrow(() -> new IllegalStateException("attempts on unknown assessment " + owner.assessmentId()))
                .spec();
    }

    static Map<String, Integer> levels(List<CriterionLevel> criteria) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (CriterionLevel criterion : criteria) {
            if (levels.put(criterion.criterionId(), criterion.level()) != null) {
                throw new InvalidRequestException("criterion " + criterion.criterionId() + " is scored more than once");
            }
        }
        return levels;
    }

    private void feedback(String attemptId, AttemptDirectory.Owner owner, Viewer viewer, int round, String text) {
        if (text != null && !text.isBlank()) {
            privateRecords.addFeedback(attemptId, owner.studentId(),
                    new AttemptPrivateRecords.Feedback(viewer.id(), round, clock.instant(), text.strip()));
        }
    }

    private static void requireWebLink(String uri) {
        try {
            URI parsed = new URI(uri);
            if (!("https".equalsIgnoreCase(parsed.getScheme()) || "http".equalsIgnoreCase(parsed.getScheme())) || parsed.getHost() == null) {
                throw new InvalidRequestException("evidence link " + uri + " is not an http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidRequestException("evidence link " + uri + " is not a valid URL");
        }
    }
}

package org.mastery.assessment.attempt.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.assessment.assessment.domain.AssessmentSpec;
import org.mastery.assessment.assessment.domain.ScoringKind;
import org.mastery.assessment.assessment.query.AssessmentDefinition;
import org.mastery.assessment.assessment.query.AssessmentDefinitions;
import org.mastery.assessment.assessment.web.AssessmentRetiredException;
import org.mastery.assessment.attempt.domain.AttemptIds;
import org.mastery.assessment.attempt.domain.AttemptSnapshot;
import org.mastery.assessment.attempt.domain.InvalidScoringException;
import org.mastery.assessment.attempt.domain.RecordObservation;
import org.mastery.assessment.attempt.domain.RubricScoring;
import org.mastery.assessment.attempt.query.AttemptPrivateRecords;
import org.mastery.assessment.attempt.query.IdempotencyKeys;
import org.mastery.assessment.attempt.web.AttemptRequests.Observation;
import org.mastery.assessment.attempt.web.AttemptRequests.ObservationBatch;
import org.mastery.assessment.attempt.web.AttemptResponses.AttemptResponse;
import org.mastery.assessment.attempt.web.AttemptResponses.ObservationsRecorded;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk scoring of an observation: a teacher scores a group of students with the assessment's
 * rubric in one request. Every student and every scoring is checked before anything is recorded,
 * so a refused batch stores nothing.
 */
@RestController
public class ObservationController {

    private final CommandGateway commands;
    private final AssessmentDefinitions definitions;
    private final AttemptPrivateRecords privateRecords;
    private final IdempotencyKeys idempotencyKeys;
    private final StudentActions actions;
    private final AccessGuard access;
    private final Clock clock;

    public ObservationController(CommandGateway commands, AssessmentDefinitions definitions,
                                 AttemptPrivateRecords privateRecords, IdempotencyKeys idempotencyKeys,
                                 StudentActions actions, AccessGuard access, Clock clock) {
        this.commands = commands;
        this.definitions = definitions;
        this.privateRecords = privateRecords;
        this.idempotencyKeys = idempotencyKeys;
        this.actions = actions;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/api/assessments/{id}/observations")
    public ResponseEntity<ObservationsRecorded> observe(@PathVariable String id, @Valid @RequestBody ObservationBatch body,
                                                        @RequestHeader(value = AttemptController.IDEMPOTENCY_KEY, required = false)
                                                        String idempotencyKey, Viewer viewer) {
        access.requireWriter(viewer);
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        AssessmentDefinition definition = definitions.find(id).orElseThrow(() -> new NoSuchObjectException("assessment", id));
        if (definition.retired()) {
            throw new AssessmentRetiredException(id);
        }
        AssessmentSpec spec = definition.spec();
        if (spec.scoring() != ScoringKind.RUBRIC) {
            throw new InvalidScoringException(List.of("assessment " + id + " is scored from an answer key; observations are scored with a rubric"));
        }
        Set<String> students = new HashSet<>();
        List<String> problems = new ArrayList<>();
        List<Map<String, Integer>> levels = new ArrayList<>();
        for (int i = 0; i < body.observations().size(); i++) {
            Observation observation = body.observations().get(i);
            if (!students.add(observation.studentId())) {
                problems.add("observations[" + i + "]: student " + observation.studentId() + " is observed twice");
            }
            actions.requireTeacher(viewer, observation.studentId());
            Map<String, Integer> studentLevels = AttemptController.levels(observation.criteria());
            for (String problem : RubricScoring.problems(spec, studentLevels)) {
                problems.add("observations[" + i + "]: " + problem);
            }
            levels.add(studentLevels);
        }
        if (!problems.isEmpty()) {
            throw new InvalidScoringException(problems);
        }
        Instant observedAt = body.observedAt() == null ? clock.instant() : body.observedAt();
        idempotencyKeys.reserve(RequestKeys.of(viewer.id(), idempotencyKey),
                "observations|" + id + "|" + observedAt + "|" + new TreeSet<>(students));
        List<AttemptResponse> attempts = new ArrayList<>();
        for (int i = 0; i < body.observations().size(); i++) {
            Observation observation = body.observations().get(i);
            String requestKey = RequestKeys.of(viewer.id(), idempotencyKey, "observation", observation.studentId());
            AttemptSnapshot recorded = commands.sendAndWait(new RecordObservation(
                    AttemptIds.seriesId(observation.studentId(), id), observation.studentId(), spec, levels.get(i), observedAt,
                    viewer.id(), requestKey));
            if (!recorded.replayed() && observation.feedback() != null && !observation.feedback().isBlank()) {
                privateRecords.addFeedback(recorded.attemptId(), observation.studentId(),
                        new AttemptPrivateRecords.Feedback(viewer.id(), 1, clock.instant(), observation.feedback().strip()));
            }
            attempts.add(AttemptResponse.of(recorded, null));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new ObservationsRecorded(id, attempts));
    }
}

package org.mastery.assessment.attempt.web;

import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mastery.assessment.attempt.domain.AttemptConflictException;
import org.mastery.assessment.attempt.domain.InvalidScoringException;
import org.mastery.assessment.attempt.domain.NoSuchAttemptException;
import org.mastery.assessment.attempt.domain.RetakeLockedException;
import org.mastery.assessment.attempt.query.AssignedPractice;
import org.mastery.assessment.attempt.query.IdempotencyKeys;
import org.mastery.kit.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Attempt refusals as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AttemptProblems {

    private final Clock clock;

    public AttemptProblems(Clock clock) {
        this.clock = clock;
    }

    /**
     * 409 with when the retake opens ({@code retryAfter}, also as {@code Retry-After}) and what
     * opens it earlier ({@code unlockedBy}: the cool-down, and completing the assigned practice).
     */
    @ExceptionHandler(RetakeRefusedException.class)
    public ResponseEntity<ProblemDetail> retakeRefused(RetakeRefusedException e) {
        RetakeLockedException refusal = e.refusal();
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "Retake not yet allowed", refusal.getMessage());
        problem.setProperty("assessmentId", refusal.assessmentId());
        problem.setProperty("failedAttemptId", refusal.failedAttemptId());
        problem.setProperty("retryAfter", refusal.retryAfter());
        List<Map<String, Object>> unlockedBy = new ArrayList<>();
        Map<String, Object> coolDown = new LinkedHashMap<>();
        coolDown.put("kind", "COOL_DOWN_ENDS");
        coolDown.put("at", refusal.retryAfter());
        unlockedBy.add(coolDown);
        if (refusal.practiceUnlocks()) {
            Map<String, Object> practice = new LinkedHashMap<>();
            practice.put("kind", "PRACTICE_COMPLETED");
            practice.put("description", "Complete the assigned practice on each competency below the cut");
            practice.put("competencyIds", refusal.practiceRequired());
            List<Map<String, String>> assigned = new ArrayList<>();
            for (AssignedPractice.Practice p : e.assignedPractice()) {
                assigned.add(Map.of("interventionId", p.interventionId(), "competencyId", p.competencyId(),
                        "reason", p.reason() == null ? "" : p.reason()));
            }
            practice.put("assignedPractice", assigned);
            unlockedBy.add(practice);
        }
        problem.setProperty("unlockedBy", unlockedBy);
        long seconds = Math.max(1, Duration.between(clock.instant(), refusal.retryAfter()).toSeconds());
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(problem);
    }

    @ExceptionHandler(AttemptConflictException.class)
    public ResponseEntity<ProblemDetail> conflict(AttemptConflictException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "Attempt conflict", e.getMessage());
        problem.setProperty("reason", e.reason().name());
        problem.setProperty("attemptId", e.attemptId());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(NoSuchAttemptException.class)
    public ResponseEntity<ProblemDetail> notFound(NoSuchAttemptException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
    }

    @ExceptionHandler(InvalidScoringException.class)
    public ResponseEntity<ProblemDetail> invalidScoring(InvalidScoringException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid scoring", e.getMessage());
        problem.setProperty("problems", e.problems());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidRequestException.class)
    public ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()));
    }

    @ExceptionHandler(IdempotencyKeys.IdempotencyKeyReusedException.class)
    public ResponseEntity<ProblemDetail> keyReused(IdempotencyKeys.IdempotencyKeyReusedException e) {
        return ResponseEntity.unprocessableEntity()
                .body(ProblemDetailsAdvice.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused", e.getMessage()));
    }
}

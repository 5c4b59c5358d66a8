package org.mastery.progression.journey.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.mastery.kit.web.ProblemDetailsAdvice;
import org.mastery.progression.journey.domain.InvalidJourneyCommandException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The journey's refusals as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class JourneyProblemAdvice {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JourneyProblemAdvice.class);

    @ExceptionHandler(InvalidJourneyCommandException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidJourneyCommandException e) {
        return ResponseEntity.badRequest().body(ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> command(CommandExecutionException e) {
        if (e.getCause() instanceof InvalidJourneyCommandException invalid) {
            return invalid(invalid);
        }
        log.error("Command failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ProblemDetailsAdvice.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed; the failure was logged with the request's correlation id"));
    }
}

package org.mastery.assessment.xapi.web;

import org.mastery.assessment.xapi.domain.StatementConflictException;
import org.mastery.kit.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** xAPI refusals as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class XapiProblems {

    @ExceptionHandler(XapiRequestException.class)
    public ResponseEntity<ProblemDetail> malformed(XapiRequestException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid xAPI statements", e.getMessage());
        problem.setProperty("problems", e.problems());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(XapiUnprocessableException.class)
    public ResponseEntity<ProblemDetail> unprocessable(XapiUnprocessableException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Statements not recordable", e.getMessage());
        problem.setProperty("unmappedActivityIds", e.unmappedActivityIds());
        problem.setProperty("problems", e.problems());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(StatementConflictException.class)
    public ResponseEntity<ProblemDetail> conflict(StatementConflictException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "Statement id reused", e.getMessage());
        problem.setProperty("statementId", e.statementId());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}

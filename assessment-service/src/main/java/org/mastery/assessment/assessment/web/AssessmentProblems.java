package org.mastery.assessment.assessment.web;

import org.mastery.assessment.assessment.domain.InvalidAssessmentException;
import org.mastery.kit.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Assessment refusals as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AssessmentProblems {

    @ExceptionHandler(InvalidAssessmentException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidAssessmentException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid assessment", e.getMessage());
        problem.setProperty("problems", e.problems());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(CompetencyAlignmentException.class)
    public ResponseEntity<ProblemDetail> alignment(CompetencyAlignmentException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.UNPROCESSABLE_ENTITY, "Competency not assessable",
                e.getMessage());
        problem.setProperty("unknownCompetencyIds", e.unknown());
        problem.setProperty("retiredCompetencyIds", e.retired());
        problem.setProperty("notAssessableCompetencyIds", e.notAssessable());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(AssessmentRetiredException.class)
    public ResponseEntity<ProblemDetail> retired(AssessmentRetiredException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "Assessment retired", e.getMessage());
        problem.setProperty("assessmentId", e.assessmentId());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}

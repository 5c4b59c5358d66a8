package org.mastery.curriculum.config;

import org.mastery.curriculum.course.domain.InvalidCourseException;
import org.mastery.curriculum.framework.domain.FrameworkConflictException;
import org.mastery.curriculum.framework.domain.InvalidCompetencyException;
import org.mastery.curriculum.framework.domain.InvalidFrameworkException;
import org.mastery.curriculum.framework.domain.NotFrameworkOwnerException;
import org.mastery.curriculum.framework.domain.PrerequisiteCycleException;
import org.mastery.curriculum.framework.domain.UnknownCompetencyException;
import org.mastery.curriculum.framework.integration.CasePackageException;
import org.mastery.curriculum.roster.domain.InvalidRosterException;
import org.mastery.curriculum.roster.domain.RosterConflictException;
import org.mastery.curriculum.roster.integration.oneroster.OneRosterImportException;
import org.mastery.kit.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The service's own refusals as problem+json: 400 invalid, 404 unknown, 403 not yours, 409 conflicts. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CurriculumProblemAdvice {

    @ExceptionHandler(InvalidRequestException.class)
    public ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        problem.setProperty("errors", e.errors());
        return answer(problem);
    }

    @ExceptionHandler({InvalidCompetencyException.class, InvalidFrameworkException.class, InvalidCourseException.class,
            InvalidRosterException.class, InvalidReferenceException.class})
    public ResponseEntity<ProblemDetail> invalid(RuntimeException e) {
        return answer(ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()));
    }

    @ExceptionHandler(CasePackageException.class)
    public ResponseEntity<ProblemDetail> casePackage(CasePackageException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Malformed CASE package",
                "The CASE package was not imported (nothing was stored): " + e.getMessage());
        problem.setProperty("path", e.path());
        return answer(problem);
    }

    @ExceptionHandler(OneRosterImportException.class)
    public ResponseEntity<ProblemDetail> oneRoster(OneRosterImportException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Malformed OneRoster bundle",
                "The OneRoster bundle was not imported (nothing was stored): " + e.getMessage());
        if (e.file() != null) {
            problem.setProperty("file", e.file());
        }
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        return answer(problem);
    }

    @ExceptionHandler(PrerequisiteCycleException.class)
    public ResponseEntity<ProblemDetail> cycle(PrerequisiteCycleException e) {
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "Prerequisite cycle", e.getMessage());
        problem.setProperty("cycle", e.cycle());
        return answer(problem);
    }

    @ExceptionHandler({FrameworkConflictException.class, RosterConflictException.class})
    public ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
        return answer(ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "Conflict", e.getMessage()));
    }

    @ExceptionHandler(NotFrameworkOwnerException.class)
    public ResponseEntity<ProblemDetail> notOwner(NotFrameworkOwnerException e) {
        return answer(ProblemDetailsAdvice.problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(UnknownCompetencyException.class)
    public ResponseEntity<ProblemDetail> unknownCompetency(UnknownCompetencyException e) {
        return answer(ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}

package org.mastery.reporting.config;

import org.mastery.access.NoSuchObjectException;
import org.mastery.kit.web.ProblemDetailsAdvice;
import org.mastery.reporting.audit.integration.ProgressionAuditClient;
import org.mastery.reporting.audit.query.AuditReports;
import org.mastery.reporting.projection.web.RebuildController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Reporting's own refusals as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReportingProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ReportingProblemAdvice.class);

    @ExceptionHandler(ProgressionAuditClient.UnknownAuditSubjectException.class)
    public ResponseEntity<ProblemDetail> unknownStudent(ProgressionAuditClient.UnknownAuditSubjectException e) {
        NoSuchObjectException notFound = new NoSuchObjectException("student", e.getMessage());
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "Not found", notFound.getMessage()));
    }

    @ExceptionHandler(ProgressionAuditClient.AuditSourceRefusedException.class)
    public ResponseEntity<ProblemDetail> refused(ProgressionAuditClient.AuditSourceRefusedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(ProblemDetailsAdvice.problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()));
    }

    @ExceptionHandler(ProgressionAuditClient.AuditSourceUnavailableException.class)
    public ResponseEntity<ProblemDetail> unavailable(ProgressionAuditClient.AuditSourceUnavailableException e) {
        log.warn("Audit source unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "Audit source unavailable",
                        e.getMessage() + "; try again later"));
    }

    @ExceptionHandler(AuditReports.AuditReadNotRecordedException.class)
    public ResponseEntity<ProblemDetail> notRecorded(AuditReports.AuditReadNotRecordedException e) {
        log.error("Audit read not recorded", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "Audit read not recorded", e.getMessage()));
    }

    @ExceptionHandler(RebuildController.RebuildRunningException.class)
    public ResponseEntity<ProblemDetail> rebuildRunning(RebuildController.RebuildRunningException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemDetailsAdvice.problem(HttpStatus.CONFLICT, "Rebuild running", e.getMessage()));
    }

    @ExceptionHandler(InvalidReportRequestException.class)
    public ResponseEntity<ProblemDetail> invalid(InvalidReportRequestException e) {
        return ResponseEntity.badRequest()
                .body(ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage()));
    }
}

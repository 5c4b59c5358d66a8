package org.mastery.access.spring;

import org.mastery.access.ActionForbiddenException;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.disclosure.DisclosureNotRecordedException;
import org.mastery.kit.web.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** 404 for unknown and invisible objects alike; 403 for a forbidden action on a visible one; 503 for an unrecorded disclosure. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AccessProblemAdvice {

    @ExceptionHandler(NoSuchObjectException.class)
    public ResponseEntity<ProblemDetail> notFound(NoSuchObjectException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetailsAdvice.problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
    }

    /** A disclosure that cannot be recorded is not made. */
    @ExceptionHandler(DisclosureNotRecordedException.class)
    public ResponseEntity<ProblemDetail> disclosureNotRecorded(DisclosureNotRecordedException e) {
        org.slf4j.LoggerFactory.getLogger(AccessProblemAdvice.class).error("Disclosure not recorded", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE, "Access not recorded", e.getMessage()));
    }

    @ExceptionHandler(ActionForbiddenException.class)
    public ResponseEntity<ProblemDetail> forbidden(ActionForbiddenException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(ProblemDetailsAdvice.problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage()));
    }
}

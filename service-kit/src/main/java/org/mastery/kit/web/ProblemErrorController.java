package org.mastery.kit.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (refused by the servlet container or a filter, then forwarded
 * to {@code /error}) are answered as problem+json too, without the exception's message or stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:${error.path:/error}}", produces = {
            MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case BAD_REQUEST -> "The request could not be read";
            case UNAUTHORIZED -> "A valid bearer token from the configured identity provider is required";
            case FORBIDDEN -> "Your role does not allow this action";
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This method is not supported here";
            case PAYLOAD_TOO_LARGE -> "The request is larger than this endpoint accepts";
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not supported here";
            default -> status.is4xxClientError() ? "The request was refused"
                    : "The request could not be completed; the failure was logged with the request's correlation id";
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetailsAdvice.problem(status, status.getReasonPhrase(), detail));
    }
}

package org.mastery.curriculum.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Bean validation of request bodies, called by controllers after they authorised the viewer, so
 * that a forbidden caller learns nothing about the body's rules (403 comes before 400).
 */
@Component
public class RequestValidator {

    /** What an id in a request body looks like (ours are prefix + UUID; CASE-derived ones too): anything else is refused. */
    public static final String ID = "[A-Za-z0-9._:-]{1,100}";
    public static final String ID_MESSAGE = "must be an id (letters, digits, . _ : -, at most 100)";

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T body) {
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .forEach((ConstraintViolation<T> v) -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
            throw new InvalidRequestException(errors);
        }
        return body;
    }
}

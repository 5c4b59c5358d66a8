package org.mastery.curriculum.config;

import java.util.Map;

/** A request body failed bean validation (checked after the viewer was authorised); 400 naming the fields. */
public class InvalidRequestException extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidRequestException(Map<String, String> errors) {
        super("The request body is invalid: " + errors.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("see errors"));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}

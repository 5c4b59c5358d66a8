package org.mastery.testsupport.badinput;

import java.util.Map;
import org.mastery.testsupport.http.RawHttp;

/**
 * One request of the bad-input corpus: what kind of badness it is ({@link #category}), a readable name,
 * the body to send (null: none), and path variables to use instead of the valid ones (empty: the valid ones).
 */
public record BadInput(String category, String name, RawHttp.Body body, Map<String, String> pathValues) {

    public static final String MALFORMED_JSON = "malformed JSON";
    public static final String WRONG_TYPE = "wrong type";
    public static final String HUGE = "huge input";
    public static final String UNKNOWN_ID = "unknown id";
    public static final String INJECTION = "injection-like";
    public static final String DEEP_NESTING = "deep nesting";
    public static final String EMPTY = "empty body";
    public static final String CONTENT_TYPE = "wrong content type";
    public static final String UNKNOWN_FIELD = "unknown field";
    public static final String CONTROL_CHARACTERS = "control characters";
    public static final String OUT_OF_RANGE = "out of range";
    public static final String MALFORMED_UPLOAD = "malformed upload";

    public BadInput {
        pathValues = pathValues == null ? Map.of() : Map.copyOf(pathValues);
    }

    @Override
    public String toString() {
        return category + ": " + name;
    }
}

package org.mastery.kit.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Why a request body could not be read, in the API's terms (JSON paths and JSON types), never in the
 * service's: no Java class names, exception messages or echoed input.
 */
record ReadProblem(String reason, String path) {

    static ReadProblem of(HttpMessageNotReadableException ex) {
        Throwable cause = null;
        for (Throwable t = ex.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof StreamConstraintsException || t instanceof InputCoercionException) {
                cause = t;
                break;
            }
            if (cause == null && t instanceof JsonProcessingException) {
                cause = t;
            }
        }
        if (cause == null) {
            String message = ex.getMessage() == null ? "" : ex.getMessage();
            return new ReadProblem(message.startsWith("Required request body is missing") ? "the request body is missing"
                    : "the body is not readable", null);
        }
        if (cause instanceof StreamConstraintsException limit) {
            String message = String.valueOf(limit.getOriginalMessage());
            return new ReadProblem(message.contains("nesting depth") ? "the JSON is nested too deeply"
                    : "the JSON exceeds a size limit of this service (a number or string is too long)", null);
        }
        if (cause instanceof InputCoercionException) {
            return new ReadProblem("a number is out of range", null);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String path = path(unknown);
            String known = unknown.getKnownPropertyIds() == null ? "" : " (known fields: " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
            String parent = path.endsWith("." + safe(unknown.getPropertyName()))
                    ? path.substring(0, path.length() - safe(unknown.getPropertyName()).length() - 1) : path;
            return new ReadProblem("unknown field '" + safe(unknown.getPropertyName()) + "' at '" + parent + "'" + known, path);
        }
        if (cause instanceof PlainTextDeserializer.ControlCharactersException control) {
            String path = path(control);
            return new ReadProblem("'" + path + "' must not contain control characters", path);
        }
        if (cause instanceof InvalidNullException invalidNull) {
            String path = path(invalidNull);
            return new ReadProblem("'" + path + "' must not be null", path);
        }
        if (cause instanceof InvalidFormatException invalid) {
            String path = path(invalid);
            return new ReadProblem("'" + path + "' must be " + expected(invalid.getTargetType()), path);
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String message = String.valueOf(mismatch.getOriginalMessage());
            if (message.startsWith("Trailing token")) {
                return new ReadProblem("there is content after the JSON value", null);
            }
            if (message.startsWith("No content to map")) {
                return new ReadProblem("the request body is empty", null);
            }
            String path = path(mismatch);
            return new ReadProblem((path.equals("$") ? "the body" : "'" + path + "'") + " must be " + expected(mismatch.getTargetType()), path);
        }
        if (cause instanceof ValueInstantiationException instantiation) {
            String path = path(instantiation);
            return new ReadProblem("'" + path + "' has an invalid value", path);
        }
        if (cause instanceof JsonMappingException mapping) {
            String path = path(mapping);
            return new ReadProblem("'" + path + "' has an invalid value", path);
        }
        if (cause instanceof JsonParseException parse) {
            String where = parse.getLocation() == null ? "" : " at line " + parse.getLocation().getLineNr()
                    + ", column " + parse.getLocation().getColumnNr();
            String message = String.valueOf(parse.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                return new ReadProblem("a field appears twice" + where, null);
            }
            if (message.startsWith("Unexpected end-of-input")) {
                return new ReadProblem("the JSON ends too early" + where, null);
            }
            if (message.contains("Invalid UTF-8")) {
                return new ReadProblem("the body is not valid UTF-8" + where, null);
            }
            return new ReadProblem("malformed JSON" + where, null);
        }
        if (cause instanceof JsonProcessingException) {
            return new ReadProblem("malformed JSON", null);
        }
        return new ReadProblem("the body is not readable", null);
    }

    /** A JSON path such as {@code $.forms[0].items[2].itemId}. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(safe(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList();
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an ISO-8601 instant such as 2026-11-25T10:15:30Z";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date such as 2026-11-25";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (type.getName().startsWith("com.fasterxml.jackson")) {
            return "JSON";
        }
        return "an object";
    }

    /** Field names come from the request: keep them short and printable. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}

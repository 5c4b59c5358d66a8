package org.mastery.assessment.xapi.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mastery.assessment.assessment.domain.AssessmentMethod;

/**
 * Reads xAPI 1.0.3 statements (one object or an array) into what this service records. A statement
 * that is not valid xAPI is a {@link #malformed} problem (400); a valid statement this service cannot
 * use as evidence (no scored result, a student not identified by account) is {@link #unusable} (422).
 *
 * <ul>
 *   <li>{@code actor.account.name} is the student's (pseudonymous) id; mailbox identities are refused,
 *       so no e-mail address ever reaches the event log.</li>
 *   <li>{@code result.score.scaled} (−1…1; below 0 counts as 0), else {@code raw} within
 *       {@code min..max}, else {@code result.success}.</li>
 *   <li>{@code timestamp} (when the experience happened) becomes the evidence's {@code observedAt};
 *       without one, the time of receipt.</li>
 *   <li>The method: the context extension {@value #METHOD_EXTENSION}, else the activity type
 *       ({@link #ACTIVITY_TYPE_METHODS}), else the mapping's, else the assessment's.</li>
 *   <li>A statement without an id is given one (it cannot then be deduplicated on retry).</li>
 * </ul>
 */
public final class StatementParser {

    public static final String METHOD_EXTENSION = "urn:mastery:xapi:method";
    public static final int MAX_STATEMENTS = 500;

    static final Map<String, AssessmentMethod> ACTIVITY_TYPE_METHODS = Map.of(
            "http://adlnet.gov/expapi/activities/assessment", AssessmentMethod.SELECTED_RESPONSE,
            "http://adlnet.gov/expapi/activities/question", AssessmentMethod.SELECTED_RESPONSE,
            "http://adlnet.gov/expapi/activities/cmi.interaction", AssessmentMethod.SELECTED_RESPONSE,
            "http://adlnet.gov/expapi/activities/performance", AssessmentMethod.PERFORMANCE_TASK,
            "http://adlnet.gov/expapi/activities/simulation", AssessmentMethod.PERFORMANCE_TASK);

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    /** A statement this service can record, if its activity is mapped. */
    public record ParsedStatement(int index, String statementId, String studentId, String verbId, String activityId,
                                  Double scaled, Boolean success, Instant observedAt, AssessmentMethod method,
                                  String fingerprint) {
    }

    /** A problem with the statement at {@code index}. */
    public record Problem(int index, String statementId, String message) {

        @Override
        public String toString() {
            return "statements[" + index + "]" + (statementId == null ? "" : " (" + statementId + ")") + ": " + message;
        }
    }

    /** The outcome: parsed statements, and problems that make the request malformed (400) or unusable (422). */
    public record Parsed(List<ParsedStatement> statements, List<Problem> malformed, List<Problem> unusable) {
    }

    private StatementParser() {
    }

    public static Parsed parse(JsonNode body, Instant now) {
        List<ParsedStatement> statements = new ArrayList<>();
        List<Problem> malformed = new ArrayList<>();
        List<Problem> unusable = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        if (body == null || !(body.isObject() || body.isArray())) {
            malformed.add(new Problem(0, null, "the body is a statement object or an array of statements"));
            return new Parsed(statements, malformed, unusable);
        }
        if (body.isArray()) {
            body.forEach(nodes::add);
        } else {
            nodes.add(body);
        }
        if (nodes.isEmpty()) {
            malformed.add(new Problem(0, null, "the array holds no statements"));
        }
        if (nodes.size() > MAX_STATEMENTS) {
            malformed.add(new Problem(0, null, "at most " + MAX_STATEMENTS + " statements per request"));
            return new Parsed(statements, malformed, unusable);
        }
        for (int i = 0; i < nodes.size(); i++) {
            parse(i, nodes.get(i), now, statements, malformed, unusable);
        }
        return new Parsed(statements, malformed, unusable);
    }

    private static void parse(int index, JsonNode node, Instant now, List<ParsedStatement> statements,
                              List<Problem> malformed, List<Problem> unusable) {
        if (!node.isObject()) {
            malformed.add(new Problem(index, null, "a statement is a JSON object"));
            return;
        }
        int problemsBefore = malformed.size() + unusable.size();
        String shapeId = text(node, "id");
        for (String problem : XapiShape.problems(node)) {
            malformed.add(new Problem(index, shapeId != null && UUID_TEXT.matcher(shapeId).matches() ? shapeId : null, problem));
        }
        if (malformed.size() > problemsBefore) {
            return;
        }
        String id = text(node, "id");
        if (node.has("id") && (id == null || !UUID_TEXT.matcher(id).matches())) {
            malformed.add(new Problem(index, id, "id must be a UUID"));
        }
        String statementId = id != null && UUID_TEXT.matcher(id).matches() ? id.toLowerCase(Locale.ROOT) : null;

        JsonNode actor = node.get("actor");
        String studentId = null;
        if (actor == null || !actor.isObject()) {
            malformed.add(new Problem(index, statementId, "actor is required"));
        } else if ("Group".equals(text(actor, "objectType"))) {
            unusable.add(new Problem(index, statementId, "the actor is a group; evidence is recorded per student"));
        } else {
            JsonNode account = actor.get("account");
            studentId = account == null ? null : text(account, "name");
            if (studentId == null || studentId.isBlank()) {
                unusable.add(new Problem(index, statementId,
                        "the actor must identify the student by account.name (their pseudonymous id); mailbox identities are not accepted"));
                studentId = null;
            } else if (studentId.length() > 100) {
                malformed.add(new Problem(index, statementId, "actor.account.name is longer than 100 characters"));
            }
        }

        JsonNode verb = node.get("verb");
        String verbId = verb == null ? null : text(verb, "id");
        if (verbId == null || !IRI.matcher(verbId).matches()) {
            malformed.add(new Problem(index, statementId, "verb.id must be an IRI"));
        }

        JsonNode object = node.get("object");
        String activityId = null;
        String activityType = null;
        if (object == null || !object.isObject()) {
            malformed.add(new Problem(index, statementId, "object is required"));
        } else {
            String objectType = text(object, "objectType");
            if (objectType != null && !"Activity".equals(objectType)) {
                unusable.add(new Problem(index, statementId, "the object is a " + objectType + ", not an activity"));
            }
            activityId = text(object, "id");
            if (activityId == null || !IRI.matcher(activityId).matches() || activityId.length() > 2000) {
                malformed.add(new Problem(index, statementId, "object.id must be an IRI"));
                activityId = null;
            }
            JsonNode definition = object.get("definition");
            activityType = definition == null ? null : text(definition, "type");
        }

        Double scaled = null;
        Boolean success = null;
        JsonNode result = node.get("result");
        if (result == null || !result.isObject()) {
            unusable.add(new Problem(index, statementId, "the statement has no result to record as evidence"));
        } else {
            JsonNode score = result.get("score");
            if (score != null && score.isObject()) {
                JsonNode scaledNode = score.get("scaled");
                if (scaledNode != null) {
                    if (!scaledNode.isNumber() || scaledNode.asDouble() < -1 || scaledNode.asDouble() > 1) {
                        malformed.add(new Problem(index, statementId, "result.score.scaled must be a number from -1 to 1"));
                    } else {
                        scaled = Math.max(0, scaledNode.asDouble());
                    }
                } else if (score.has("raw") && score.has("min") && score.has("max")) {
                    double raw = score.get("raw").asDouble();
                    double min = score.get("min").asDouble();
                    double max = score.get("max").asDouble();
                    if (!(score.get("raw").isNumber() && score.get("min").isNumber() && score.get("max").isNumber())
                            || min >= max || raw < min || raw > max) {
                        malformed.add(new Problem(index, statementId, "result.score.raw must lie within min..max (min < max)"));
                    } else {
                        scaled = (raw - min) / (max - min);
                    }
                }
            }
            JsonNode successNode = result.get("success");
            if (successNode != null) {
                if (!successNode.isBoolean()) {
                    malformed.add(new Problem(index, statementId, "result.success must be true or false"));
                } else {
                    success = successNode.asBoolean();
                }
            }
            if (scaled == null && success == null && malformed.size() + unusable.size() == problemsBefore) {
                unusable.add(new Problem(index, statementId,
                        "the result has neither score.scaled (or raw within min..max) nor success"));
            }
        }

        Instant observedAt = now;
        String timestamp = text(node, "timestamp");
        if (timestamp != null) {
            try {
                observedAt = OffsetDateTime.parse(timestamp).toInstant();
                if (observedAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
                    malformed.add(new Problem(index, statementId, "timestamp " + timestamp + " is in the future"));
                }
            } catch (DateTimeParseException e) {
                malformed.add(new Problem(index, statementId, "timestamp must be an ISO 8601 date-time with an offset"));
            }
        }

        AssessmentMethod method = null;
        JsonNode extension = node.path("context").path("extensions").get(METHOD_EXTENSION);
        if (extension != null) {
            try {
                method = AssessmentMethod.valueOf(extension.asText());
            } catch (IllegalArgumentException e) {
                malformed.add(new Problem(index, statementId, "context extension " + METHOD_EXTENSION + " names no method: "
                        + extension.asText()));
            }
        } else if (activityType != null) {
            method = ACTIVITY_TYPE_METHODS.get(activityType);
        }

        if (malformed.size() + unusable.size() > problemsBefore) {
            return;
        }
        String finalId = statementId != null ? statementId : UUID.randomUUID().toString();
        String fingerprint = sha256(String.join("|", studentId, verbId, activityId, String.valueOf(scaled), String.valueOf(success),
                String.valueOf(timestamp == null ? null : observedAt), String.valueOf(method)));
        statements.add(new ParsedStatement(index, finalId, studentId, verbId, activityId, scaled, success, observedAt, method,
                fingerprint));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

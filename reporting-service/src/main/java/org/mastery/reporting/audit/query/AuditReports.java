package org.mastery.reporting.audit.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mastery.access.Viewer;
import org.mastery.reporting.audit.domain.AuditReadKind;
import org.mastery.reporting.audit.domain.AuditReadRecorded;
import org.mastery.reporting.audit.domain.AuditTrail;
import org.mastery.reporting.audit.domain.RecordAuditRead;
import org.mastery.reporting.audit.integration.ProgressionAuditClient;
import org.mastery.reporting.projection.query.ReadModelStore;
import org.mastery.reporting.projection.query.ReadModels;

/**
 * Audit replay and verification: progression's history and verification of a student's stream,
 * with what reporting knows added (competency codes and statements) and reporting's own check of
 * the hash chain's links. Every read is recorded first; a read that cannot be recorded is refused.
 */
public class AuditReports {

    private final ProgressionAuditClient progression;
    private final ReadModelStore store;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditReports(ProgressionAuditClient progression, ReadModelStore store, CommandGateway commands,
                        EventStore eventStore, ObjectMapper json, Clock clock) {
        this.progression = progression;
        this.store = store;
        this.commands = commands;
        this.eventStore = eventStore;
        this.json = json;
        this.clock = clock;
    }

    public ObjectNode history(String studentId, Instant asOf, Viewer viewer, String token) {
        record(studentId, viewer, AuditReadKind.HISTORY, asOf);
        JsonNode upstream = progression.history(studentId, asOf, token);
        List<JsonNode> entries = HashChainCheck.ordered(entriesOf(upstream));
        Map<String, ObjectNode> competencies = competencies(upstream);
        ObjectNode answer = upstream.isObject() ? ((ObjectNode) upstream).deepCopy() : json.createObjectNode();
        answer.put("studentId", studentId);
        answer.put("asOf", (asOf != null ? asOf : clock.instant()).toString());
        ArrayNode enriched = answer.putArray("entries");
        for (JsonNode entry : entries) {
            ObjectNode copy = entry.deepCopy();
            String competencyId = entry.path("data").path("competencyId").asText(null);
            if (competencyId != null && competencies.containsKey(competencyId)) {
                copy.set("competency", competencies.get(competencyId));
            }
            enriched.add(copy);
        }
        answer.set("chain", json.valueToTree(HashChainCheck.check(entries)));
        answer.set("competencies", json.valueToTree(competencies));
        return answer;
    }

    public ObjectNode verify(String studentId, Viewer viewer, String token) {
        record(studentId, viewer, AuditReadKind.VERIFY, null);
        JsonNode verdict = progression.verify(studentId, token);
        JsonNode history = progression.history(studentId, null, token);
        List<JsonNode> entries = HashChainCheck.ordered(entriesOf(history));
        Map<String, JsonNode> byEventId = new LinkedHashMap<>();
        entries.forEach(e -> byEventId.put(e.path("eventId").asText(), e));
        Map<String, ObjectNode> competencies = competencies(history);
        HashChainCheck.Result chain = HashChainCheck.check(entries);

        ObjectNode answer = json.createObjectNode();
        answer.put("studentId", studentId);
        boolean upstreamVerified = verdict.path("verified").asBoolean(false);
        answer.put("verified", upstreamVerified && chain.intact());
        answer.put("progressionVerified", upstreamVerified);
        answer.set("eventsChecked", verdict.path("eventsChecked"));
        answer.set("decisionsChecked", verdict.path("decisionsChecked"));
        ArrayNode mismatches = answer.putArray("mismatches");
        for (JsonNode mismatch : verdict.path("mismatches")) {
            ObjectNode copy = mismatch.deepCopy();
            copy.put("detectedBy", "progression-service");
            describe(copy, byEventId.get(mismatch.path("eventId").asText()), competencies);
            mismatches.add(copy);
        }
        for (HashChainCheck.Break b : chain.breaks()) {
            ObjectNode copy = json.valueToTree(b);
            copy.put("detectedBy", "reporting-service");
            describe(copy, byEventId.get(b.eventId()), competencies);
            mismatches.add(copy);
        }
        answer.set("chain", json.valueToTree(chain));
        answer.put("verifiedAt", clock.instant().toString());
        return answer;
    }

    /** Who read this student's audit data, oldest first (this read included). */
    public List<AuditReadRecorded> reads(String studentId, Viewer viewer) {
        record(studentId, viewer, AuditReadKind.READS, null);
        List<AuditReadRecorded> reads = new ArrayList<>();
        eventStore.readEvents(AuditTrail.idFor(studentId)).asStream()
                .map(m -> m.getPayload())
                .filter(AuditReadRecorded.class::isInstance)
                .map(AuditReadRecorded.class::cast)
                .forEach(reads::add);
        return reads;
    }

    private void record(String studentId, Viewer viewer, AuditReadKind kind, Instant asOf) {
        List<String> roles = viewer.roles().stream().map(Enum::name).sorted().toList();
        try {
            commands.sendAndWait(RecordAuditRead.of(studentId, viewer.id(), roles, kind, asOf, clock.instant()));
        } catch (RuntimeException e) {
            throw new AuditReadNotRecordedException(studentId, e);
        }
    }

    private void describe(ObjectNode mismatch, JsonNode entry, Map<String, ObjectNode> competencies) {
        if (entry == null) {
            return;
        }
        if (!mismatch.has("type")) {
            mismatch.set("type", entry.path("type"));
        }
        mismatch.set("occurredAt", entry.path("occurredAt"));
        String competencyId = entry.path("data").path("competencyId").asText(null);
        if (competencyId != null && competencies.containsKey(competencyId)) {
            mismatch.set("competency", competencies.get(competencyId));
        }
    }

    private static JsonNode entriesOf(JsonNode upstream) {
        return upstream.isArray() ? upstream : upstream.path("entries");
    }

    /** Code, statement and "I can…" of every competency named anywhere in the upstream answer. */
    private Map<String, ObjectNode> competencies(JsonNode upstream) {
        TreeSet<String> ids = new TreeSet<>();
        collectCompetencyIds(upstream, ids);
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        store.findAll(ReadModels.COMPETENCIES, ids).forEach((id, doc) -> {
            JsonNode d = doc.path("definition");
            ObjectNode c = json.createObjectNode();
            c.put("competencyId", id);
            c.set("code", d.path("code"));
            c.set("statement", d.path("statement"));
            c.set("studentStatement", d.path("studentStatement"));
            c.set("competencyVersion", d.path("competencyVersion"));
            found.put(id, c);
        });
        return found;
    }

    private static void collectCompetencyIds(JsonNode node, TreeSet<String> ids) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("competencyId") && field.getValue().isTextual()) {
                    ids.add(field.getValue().asText());
                } else if (field.getKey().equals("competencyIds") || field.getKey().equals("prerequisiteIds")) {
                    field.getValue().forEach(v -> {
                        if (v.isTextual()) {
                            ids.add(v.asText());
                        }
                    });
                } else {
                    collectCompetencyIds(field.getValue(), ids);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectCompetencyIds(child, ids));
        }
    }

    /** The read could not be recorded, so it is not answered (503). */
    public static class AuditReadNotRecordedException extends RuntimeException {
        public AuditReadNotRecordedException(String studentId, Throwable cause) {
            super("the audit read of student " + studentId + " could not be recorded, so it was not answered", cause);
        }
    }
}

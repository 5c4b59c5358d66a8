package org.mastery.progression.journey.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mastery.progression.config.JourneyAxonConfiguration.EventJson;
import org.mastery.progression.journey.domain.CompetencyTrack;
import org.mastery.progression.journey.domain.Evaluation;
import org.mastery.progression.journey.domain.JourneyChain;
import org.mastery.progression.journey.domain.JourneyModel;
import org.mastery.progression.journey.domain.JourneyReplay;
import org.mastery.progression.journey.integration.JourneyEventPublication;
import org.mastery.progression.journey.integration.Sha256JourneyChain;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Audits a journey from the raw rows of the event store (Axon's {@code DomainEventEntry} table), not
 * through the application's repository: the hash chain is recomputed from the stored bytes, and every
 * decision is re-derived from the stored facts ({@link JourneyReplay}).
 */
@Component
public class JourneyAudit {

    public static final String HASH_MISMATCH = "HASH_MISMATCH";
    public static final String CHAIN_BROKEN = "CHAIN_BROKEN";
    public static final String UNREADABLE = "UNREADABLE";

    /** A stored row of the journey, as read from the table. */
    public record Row(long sequence, String eventId, Instant occurredAt, String payloadType, String payloadRevision,
                      byte[] payload, byte[] metaData) {
    }

    public record Entry(long sequence, String eventId, String type, Instant occurredAt, JsonNode data, JsonNode explanation,
                        String hash, String previousHash) {
    }

    public record CompetencyAsOf(String competencyId, String state, Double value, Integer level, String phaseId,
                                 int evidenceCount, int policyVersion, int competencyVersion, String overrideId) {
    }

    public record History(String studentId, Instant asOf, List<Entry> entries, List<CompetencyAsOf> competencies,
                          List<String> unlocked) {
    }

    public record Mismatch(long sequence, String eventId, String kind, String detail) {
    }

    public record Verification(String studentId, boolean verified, int eventsChecked, int decisionsChecked,
                               List<Mismatch> mismatches) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final ObjectMapper eventMapper;
    private final Sha256JourneyChain chain;

    public JourneyAudit(JdbcTemplate jdbc, Serializer serializer, EventJson eventJson, Sha256JourneyChain chain) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.eventMapper = eventJson.mapper();
        this.chain = chain;
    }

    public List<Row> rows(String studentId) {
        return jdbc.query("SELECT sequenceNumber, eventIdentifier, timeStamp, payloadType, payloadRevision, payload, metaData "
                        + "FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getBytes(6), rs.getBytes(7)), studentId);
    }

    public boolean exists(String studentId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, studentId);
        return count != null && count > 0;
    }

    /** The journey as of an instant: its entries up to then, in order, and the state they give. */
    public History history(String studentId, Instant asOf) {
        List<Entry> entries = new ArrayList<>();
        List<JourneyReplay.Recorded> recorded = new ArrayList<>();
        for (Row row : rows(studentId)) {
            if (asOf != null && row.occurredAt().isAfter(asOf)) {
                break;
            }
            JsonNode data = json(row.payload());
            Map<String, Object> meta = metaData(row);
            Object payload = payload(row);
            String type = payload == null ? null : JourneyEventPublication.logicalType(payload);
            if (type == null) {
                type = "progression.internal." + row.payloadType().substring(row.payloadType().lastIndexOf('.') + 1);
            }
            JsonNode explanation = data.has("explanation") ? data.get("explanation") : null;
            entries.add(new Entry(row.sequence(), row.eventId(), type, row.occurredAt(), data, explanation,
                    (String) meta.get(JourneyChain.HASH), (String) meta.get(JourneyChain.PREVIOUS_HASH)));
            if (payload != null) {
                recorded.add(new JourneyReplay.Recorded(row.sequence(), row.eventId(), payload, (String) meta.get("causationId")));
            }
        }
        JourneyModel model = JourneyReplay.check(recorded).model();
        List<CompetencyAsOf> competencies = new ArrayList<>();
        for (Map.Entry<String, CompetencyTrack> t : new TreeMap<>(model.tracks()).entrySet()) {
            if (t.getValue().policy() == null) {
                continue;
            }
            Evaluation e = model.evaluate(t.getKey(), t.getValue().policy());
            competencies.add(new CompetencyAsOf(t.getKey(), e.state().name(), e.value(), e.level(), e.phaseId(),
                    e.evidenceCount(), e.explanation().policyVersion(), e.explanation().competencyVersion(),
                    e.explanation().overrideId()));
        }
        return new History(studentId, asOf, entries, competencies, List.copyOf(model.unlocked()));
    }

    /** The hash chain recomputed from the stored rows, and every decision re-derived. */
    public Verification verify(String studentId) {
        List<Mismatch> mismatches = new ArrayList<>();
        List<Row> rows = rows(studentId);
        String expectedPrevious = JourneyChain.GENESIS;
        long expectedSequence = 0;
        List<JourneyReplay.Recorded> recorded = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> meta;
            try {
                meta = metaData(row);
            } catch (RuntimeException e) {
                mismatches.add(new Mismatch(row.sequence(), row.eventId(), UNREADABLE, "metadata cannot be read: " + e.getMessage()));
                expectedSequence = row.sequence() + 1;
                continue;
            }
            String hash = (String) meta.get(JourneyChain.HASH);
            String previous = (String) meta.get(JourneyChain.PREVIOUS_HASH);
            if (row.sequence() != expectedSequence) {
                mismatches.add(new Mismatch(row.sequence(), row.eventId(), CHAIN_BROKEN,
                        "expected sequence " + expectedSequence + " but found " + row.sequence()));
            }
            if (previous == null || !previous.equals(expectedPrevious)) {
                mismatches.add(new Mismatch(row.sequence(), row.eventId(), CHAIN_BROKEN,
                        "previousHash " + previous + " does not match the hash " + expectedPrevious + " of the event before"));
            }
            String recomputed;
            try {
                recomputed = chain.hash(previous, row.payloadType(), json(row.payload()), row.sequence());
            } catch (RuntimeException e) {
                recomputed = null;
            }
            if (hash == null || !hash.equals(recomputed)) {
                mismatches.add(new Mismatch(row.sequence(), row.eventId(), HASH_MISMATCH,
                        "the stored event does not hash to its recorded hash: payload or metadata altered"));
            }
            expectedPrevious = hash;
            expectedSequence = row.sequence() + 1;
            Object payload;
            try {
                payload = payload(row);
            } catch (RuntimeException e) {
                mismatches.add(new Mismatch(row.sequence(), row.eventId(), UNREADABLE, "payload cannot be read: " + e.getMessage()));
                continue;
            }
            recorded.add(new JourneyReplay.Recorded(row.sequence(), row.eventId(), payload, (String) meta.get("causationId")));
        }
        JourneyReplay.Result replay = JourneyReplay.check(recorded);
        for (JourneyReplay.Mismatch m : replay.mismatches()) {
            mismatches.add(new Mismatch(m.sequence(), m.eventId(), m.kind(), m.detail()));
        }
        mismatches.sort(java.util.Comparator.comparingLong(Mismatch::sequence));
        return new Verification(studentId, mismatches.isEmpty(), rows.size(), replay.decisionsChecked(), mismatches);
    }

    /** Decisions only: every recorded decision re-derived from the recorded evidence and policy versions. */
    public Verification replayCheck(String studentId) {
        List<JourneyReplay.Recorded> recorded = new ArrayList<>();
        List<Row> rows = rows(studentId);
        for (Row row : rows) {
            recorded.add(new JourneyReplay.Recorded(row.sequence(), row.eventId(), payload(row),
                    (String) metaData(row).get("causationId")));
        }
        JourneyReplay.Result replay = JourneyReplay.check(recorded);
        List<Mismatch> mismatches = replay.mismatches().stream()
                .map(m -> new Mismatch(m.sequence(), m.eventId(), m.kind(), m.detail())).toList();
        return new Verification(studentId, mismatches.isEmpty(), rows.size(), replay.decisionsChecked(), mismatches);
    }

    private Object payload(Row row) {
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(row.payload(), byte[].class, row.payloadType(),
                row.payloadRevision());
        return serializer.deserialize(serialized);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metaData(Row row) {
        if (row.metaData() == null) {
            return Map.of();
        }
        try {
            return eventMapper.readValue(row.metaData(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private JsonNode json(byte[] bytes) {
        try {
            return eventMapper.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        }
    }
}

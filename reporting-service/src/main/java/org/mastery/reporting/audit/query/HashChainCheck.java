package org.mastery.reporting.audit.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reporting's own check of the hash chain it is shown: entries in sequence order, no sequence
 * missing, and each entry's {@code previousHash} equal to the {@code hash} of the entry before it.
 * It does not recompute hashes (progression owns the hash function and re-derives them in its own
 * verification); it catches a chain whose links were rewritten to hide a changed event, and names
 * the first event after the break.
 */
public final class HashChainCheck {

    public record Break(long sequence, String eventId, String kind, String detail) {
    }

    public record Result(int checked, boolean intact, List<Break> breaks) {
    }

    private HashChainCheck() {
    }

    public static List<JsonNode> ordered(JsonNode entries) {
        List<JsonNode> list = new ArrayList<>();
        if (entries != null && entries.isArray()) {
            entries.forEach(list::add);
        }
        list.sort(Comparator.comparingLong(e -> e.path("sequence").asLong()));
        return list;
    }

    public static Result check(List<JsonNode> ordered) {
        List<Break> breaks = new ArrayList<>();
        JsonNode previous = null;
        for (JsonNode entry : ordered) {
            long sequence = entry.path("sequence").asLong();
            String eventId = entry.path("eventId").asText(null);
            if (!entry.hasNonNull("hash") || entry.path("hash").asText().isBlank()) {
                breaks.add(new Break(sequence, eventId, "HASH_MISSING", "the entry carries no hash"));
            }
            if (previous != null) {
                long expected = previous.path("sequence").asLong() + 1;
                if (sequence != expected) {
                    breaks.add(new Break(sequence, eventId, "SEQUENCE_GAP",
                            "expected sequence " + expected + " after " + previous.path("sequence").asLong() + ", found " + sequence));
                }
                String link = entry.path("previousHash").asText(null);
                String before = previous.path("hash").asText(null);
                if (!Objects.equals(link, before)) {
                    breaks.add(new Break(sequence, eventId, "CHAIN_BROKEN",
                            "previousHash " + link + " does not match the hash " + before + " of event "
                                    + previous.path("eventId").asText() + " (sequence " + previous.path("sequence").asLong() + ")"));
                }
            }
            previous = entry;
        }
        return new Result(ordered.size(), breaks.isEmpty(), List.copyOf(breaks));
    }
}

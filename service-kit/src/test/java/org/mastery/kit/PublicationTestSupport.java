package org.mastery.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reading published CloudEvents back in tests. */
final class PublicationTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    private PublicationTestSupport() {
    }

    static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> forSubject(List<ConsumerRecord<String, byte[]>> records, String subject) {
        return records.stream().map(PublicationTestSupport::json)
                .filter(e -> subject.equals(e.path("subject").asText()))
                .toList();
    }

    static Set<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.get("id").asText()).collect(Collectors.toSet());
    }

    static Map<String, Long> idCounts(List<JsonNode> events) {
        return events.stream().collect(Collectors.groupingBy(e -> e.get("id").asText(), Collectors.counting()));
    }

    static <T> Function<List<ConsumerRecord<String, byte[]>>, Long> distinctFor(String subject) {
        return records -> (long) ids(forSubject(records, subject)).size();
    }
}

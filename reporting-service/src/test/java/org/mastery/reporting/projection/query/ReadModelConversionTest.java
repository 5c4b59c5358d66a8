package org.mastery.reporting.projection.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * A read model's JSON tree is converted to and from BSON by walking it: the result must be what the
 * driver makes of the same JSON text (numbers typed alike, names escaped), and read back equal.
 */
class ReadModelConversionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String SAMPLE = """
            {"_id": "stu-1", "name": "Ana", "score": 3.25, "whole": 3.0, "count": 7, "big": 5000000000,
             "negative": -2, "mastered": true, "note": null, "empty": {}, "none": [],
             "rows": {"cmp.1": {"state": "MASTERED", "levels": [1, 2.5, "x", null, {"a$b": false}]},
                      "$where": 1, "50%": {"nested": [[1, 2], []]}}}
            """;

    @Test
    void aTreeBecomesTheDocumentTheDriverMakesOfItsTextAndReadsBackEqual() throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(SAMPLE);
        Document document = MongoReadModelStore.toDocument(tree);

        // the driver's own reading of the same JSON text, names escaped as the store does
        Document parsed = Document.parse(SAMPLE.replace("\"cmp.1\"", "\"cmp%2E1\"").replace("\"$where\"", "\"%24where\"")
                .replace("\"50%\"", "\"50%25\"").replace("\"a$b\"", "\"a%24b\""));
        assertThat(document).isEqualTo(parsed);
        assertThat(document.get("big")).isInstanceOf(Long.class);
        assertThat(document.get("count")).isInstanceOf(Integer.class);
        assertThat(document.get("whole")).isInstanceOf(Double.class);

        assertThat(MongoReadModelStore.toNode(document)).isEqualTo(tree);
        assertThat(MongoReadModelStore.toNode(document)).isEqualTo(JSON.readTree(SAMPLE));
    }

    @Test
    void aStoredDocumentReadsAsTheTreeOfItsJsonText() throws Exception {
        Document stored = Document.parse("{\"_id\": \"c\", \"n\": {\"$numberLong\": \"12\"}, \"d\": 2.0, \"s\": \"t\", \"a\": [1, {\"k%2Ex\": 2}]}");
        JsonNode viaText = JSON.readTree(stored.toJson());
        ObjectNode direct = MongoReadModelStore.toNode(stored);
        assertThat(direct.get("n")).isEqualTo(viaText.get("n"));
        assertThat(direct.get("d")).isEqualTo(viaText.get("d"));
        assertThat(direct.get("a").get(1).has("k.x")).as("names are unescaped").isTrue();
    }
}

package org.mastery.testsupport.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks of event contracts against their JSON Schemas and golden samples, for the producer's
 * contract module, for producers (what they publish) and for consumers (what they can read).
 */
public final class ContractSamples {

    /** Reads samples strictly: a sample with a field its record lacks is a broken contract. */
    public static final ObjectMapper STRICT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final ConcurrentHashMap<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private ContractSamples() {
    }

    public static JsonNode readResource(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("missing contract resource " + resource);
            }
            return STRICT.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's complaints about {@code data}; empty when valid. */
    public static Set<String> violations(Class<?> anchor, String schemaResource, JsonNode data) {
        JsonSchema schema = CACHE.computeIfAbsent(schemaResource, r -> {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return SCHEMAS.getSchema(readResource(anchor, r), config);
        });
        return schema.validate(data).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    public static void assertValid(Class<?> anchor, String schemaResource, JsonNode data) {
        assertThat(violations(anchor, schemaResource, data)).as("violations of %s", schemaResource).isEmpty();
    }

    /**
     * The golden sample is a CloudEvent of the type, its data is valid against the schema, binds to
     * the contract record without loss, and the record written back is valid and reads back equal.
     */
    public static void verify(Class<?> anchor, String type, Class<?> dataClass, String dataSchema,
                              String schemaResource, String sampleResource) throws IOException {
        JsonNode sample = readResource(anchor, sampleResource);
        assertThat(sample.path("specversion").asText()).isEqualTo("1.0");
        assertThat(sample.path("type").asText()).isEqualTo(type);
        assertThat(sample.path("dataschema").asText()).isEqualTo(dataSchema);
        for (String attribute : new String[] {"id", "source", "time"}) {
            assertThat(sample.path(attribute).asText()).as(attribute).isNotBlank();
        }
        JsonNode data = sample.get("data");
        assertValid(anchor, schemaResource, data);

        Object record = STRICT.treeToValue(data, dataClass);
        JsonNode written = STRICT.valueToTree(record);
        assertValid(anchor, schemaResource, written);
        assertThat(STRICT.treeToValue(written, dataClass)).isEqualTo(record);
    }
}

package org.mastery.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mastery.testsupport.contracts.ContractSamples;

class AccessEventTypeContractTest {

    @ParameterizedTest
    @EnumSource(AccessEventType.class)
    void goldenSampleMatchesSchemaAndRecord(AccessEventType type) throws Exception {
        ContractSamples.verify(getClass(), type.type(), type.dataClass(), type.dataSchema(),
                type.schemaResource(), type.sampleResource());
    }

    @Test
    void theSampleIsKeyedAndSubjectedByTheStudent() {
        JsonNode sample = ContractSamples.readResource(getClass(), AccessEventType.STUDENT_RECORD_DISCLOSED.sampleResource());
        assertThat(sample.path("subject").asText()).isEqualTo(sample.path("data").path("studentId").asText());
        assertThat(sample.path("partitionkey").asText()).isEqualTo(sample.path("data").path("studentId").asText());
    }

    @Test
    void theSchemaRefusesWhatADisclosureMustNotBe() {
        JsonNode sample = ContractSamples.readResource(getClass(), AccessEventType.STUDENT_RECORD_DISCLOSED.sampleResource());
        String schema = AccessEventType.STUDENT_RECORD_DISCLOSED.schemaResource();
        var data = (com.fasterxml.jackson.databind.node.ObjectNode) sample.get("data").deepCopy();
        data.remove("accessorId");
        assertThat(ContractSamples.violations(getClass(), schema, data)).isNotEmpty();
        var badRole = (com.fasterxml.jackson.databind.node.ObjectNode) sample.get("data").deepCopy();
        badRole.putArray("accessorRoles").add("JANITOR");
        assertThat(ContractSamples.violations(getClass(), schema, badRole)).isNotEmpty();
        var badEndpoint = (com.fasterxml.jackson.databind.node.ObjectNode) sample.get("data").deepCopy();
        badEndpoint.put("endpoint", "progression");
        assertThat(ContractSamples.violations(getClass(), schema, badEndpoint)).isNotEmpty();
    }

    @Test
    void eachServiceWritesItsOwnDisclosureTopic() {
        assertThat(AccessTopics.disclosures("progression")).isEqualTo(AccessTopics.PROGRESSION_DISCLOSURES);
        assertThat(AccessTopics.allDisclosureTopics()).containsExactly(AccessTopics.CURRICULUM_DISCLOSURES,
                AccessTopics.ASSESSMENT_DISCLOSURES, AccessTopics.PROGRESSION_DISCLOSURES, AccessTopics.REPORTING_DISCLOSURES);
        assertThat(AccessTopics.allDisclosureTopics()).allMatch(t -> t.matches("[a-z]+\\.disclosures\\.v1"));
        assertThatThrownBy(() -> AccessTopics.disclosures("progression-service")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTopics.disclosures(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typesAreLogicalPastTenseNames() {
        for (AccessEventType type : AccessEventType.values()) {
            assertThat(type.type()).startsWith("access.").doesNotContain("Event");
            assertThat(type.dataClass().getSimpleName()).isEqualTo(type.type().substring("access.".length()));
            assertThat(AccessEventType.ofType(type.type())).contains(type);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAsyncApiDocumentDescribesEveryTypeAndEveryServicesTopic() throws Exception {
        try (var in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(in);
            Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>) ((Map<String, Object>) doc.get("components")).get("messages");
            for (AccessEventType type : AccessEventType.values()) {
                assertThat(messages).as(type.type()).containsKey(type.dataClass().getSimpleName());
                assertThat(messages.get(type.dataClass().getSimpleName())).containsEntry("name", type.type());
            }
            Map<String, Object> channels = (Map<String, Object>) doc.get("channels");
            assertThat(channels.keySet()).containsExactlyInAnyOrderElementsOf(List.copyOf(AccessTopics.allDisclosureTopics()));
        }
    }
}

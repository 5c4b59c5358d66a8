package org.mastery.contracts.progression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mastery.testsupport.contracts.ContractSamples;

class ProgressionEventTypeContractTest {

    @ParameterizedTest
    @EnumSource(ProgressionEventType.class)
    void goldenSampleMatchesSchemaAndRecord(ProgressionEventType type) throws Exception {
        ContractSamples.verify(getClass(), type.type(), type.dataClass(), type.dataSchema(),
                type.schemaResource(), type.sampleResource());
    }

    @ParameterizedTest
    @EnumSource(ProgressionEventType.class)
    void typesAreLogicalPastTenseNamesOnTheirContextsTopics(ProgressionEventType type) {
        String context = type.type().substring(0, type.type().indexOf('.'));
        assertThat(type.topic()).startsWith(context + ".").matches("[a-z]+\\.[a-z]+\\.v[0-9]+");
        assertThat(type.type()).doesNotContain("Event").doesNotEndWith("Updated");
        assertThat(type.dataClass().getSimpleName()).isEqualTo(type.type().substring(context.length() + 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAsyncApiDocumentDescribesEveryType() throws Exception {
        try (var in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(in);
            Map<String, Map<String, Object>> messages = (Map<String, Map<String, Object>>) ((Map<String, Object>) doc.get("components")).get("messages");
            for (ProgressionEventType type : ProgressionEventType.values()) {
                assertThat(messages).as(type.type()).containsKey(type.dataClass().getSimpleName());
                assertThat(messages.get(type.dataClass().getSimpleName())).containsEntry("name", type.type());
            }
        }
    }

    @Test
    void typeNamesAreUnique() {
        assertThat(ProgressionEventType.values()).extracting(ProgressionEventType::type).doesNotHaveDuplicates();
    }
}

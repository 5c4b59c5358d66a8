package org.mastery.progression.config;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.mastery.progression.journey.domain.CompetencyPolicy;
import org.mastery.progression.journey.domain.CompetencyTrack;
import org.mastery.progression.journey.domain.EvidenceLog;
import org.mastery.progression.journey.domain.JourneyModel;
import org.mastery.progression.journey.domain.Phase;
import org.mastery.progression.journey.domain.ScaleLevel;
import org.mastery.progression.journey.domain.StudentJourney;
import org.mastery.progression.journey.integration.Sha256JourneyChain;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Axon wiring of the journey: one JSON mapper for stored events and snapshots (the hash chain hashes
 * exactly what it writes), snapshots of a journey every N events, and the clock.
 */
@Configuration
@EnableScheduling
public class JourneyAxonConfiguration {

    /** The mapper of the event store: Spring's, plus field access to the journey's state for snapshots. */
    public record EventJson(ObjectMapper mapper) {
    }

    /** Journey state is plain Java with private fields; snapshots read and write those fields. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
    interface FieldState {
    }

    /** A snapshot of a journey holds its model and the chain head, resolved from the last event applied. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
    abstract static class JourneySnapshot {
        @com.fasterxml.jackson.annotation.JsonProperty("head")
        abstract org.mastery.progression.journey.domain.ChainHead chainHead();
    }

    /**
     * In a snapshot, a competency's policy, scale levels and phases are written as arrays of their
     * components (no field names): a long journey holds one policy per competency, and reading them
     * back by position is the larger part of loading its snapshot. Events keep their named fields.
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    interface Positional {
    }

    @Bean
    public EventJson journeyEventJson(ObjectMapper springMapper) {
        return new EventJson(withJourneyState(springMapper.copy()));
    }

    private static ObjectMapper withJourneyState(ObjectMapper mapper) {
        mapper.addMixIn(StudentJourney.class, JourneySnapshot.class);
        for (Class<?> state : new Class<?>[] {JourneyModel.class, CompetencyTrack.class, EvidenceLog.class}) {
            mapper.addMixIn(state, FieldState.class);
        }
        return mapper;
    }

    /**
     * Snapshots are written in CBOR (binary JSON), which makes a long journey's snapshot smaller and
     * faster to load (policies by position, see {@link Positional}, and the evidence arrays packed, see
     * {@link PackedArrays}); events stay JSON (readable by auditors, hashed by the chain). The kit's storage engine picks this bean up by its name.
     */
    @Bean
    public Serializer snapshotSerializer(RevisionResolver revisionResolver) {
        CBORMapper cbor = CBORMapper.builder().findAndAddModules().addModule(new PackedArrays())
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL).build();
        for (Class<?> record : new Class<?>[] {CompetencyPolicy.class, ScaleLevel.class, Phase.class}) {
            cbor.addMixIn(record, Positional.class);
        }
        return JacksonSerializer.builder().objectMapper(withJourneyState(cbor)).revisionResolver(revisionResolver).build();
    }

    @Bean
    @Primary
    public Serializer progressionSerializer(EventJson eventJson, RevisionResolver revisionResolver) {
        return JacksonSerializer.builder().objectMapper(eventJson.mapper()).revisionResolver(revisionResolver).build();
    }

    @Bean
    public Sha256JourneyChain journeyChain(EventJson eventJson) {
        return new Sha256JourneyChain(eventJson.mapper());
    }

    /** A snapshot after every {@code threshold} events read or applied since the last one. */
    @Bean
    public SnapshotTriggerDefinition journeySnapshotTrigger(Snapshotter snapshotter,
                                                            @Value("${mastery.progression.snapshot-threshold:25}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}

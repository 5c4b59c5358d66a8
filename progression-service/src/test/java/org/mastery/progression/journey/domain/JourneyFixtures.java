package org.mastery.progression.journey.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mastery.progression.journey.integration.Sha256JourneyChain;

/** Shared test data: policies, evidence and a chain hashing with a mapper shaped like the service's. */
public final class JourneyFixtures {

    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    public static final Sha256JourneyChain CHAIN = new Sha256JourneyChain(JSON);
    public static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");

    private JourneyFixtures() {
    }

    public static List<Phase> phases() {
        return List.of(new Phase("ph-beginning", 1, 1, 2), new Phase("ph-developing", 2, 2, 3), new Phase("ph-secure", 3, 3, 4));
    }

    public static CompetencyPolicy policy(String competencyId, String method, Map<String, Double> parameters, int minEvidence,
                                          List<String> required, boolean retention) {
        return new CompetencyPolicy(competencyId, 1, 1, method, parameters, minEvidence, required, retention, 3.0,
                CompetencyPolicy.defaultLevels(), phases());
    }

    public static CompetencyPolicy decaying(String competencyId) {
        return policy(competencyId, "DECAYING_AVERAGE", Map.of(), 2, List.of(), false);
    }

    public static Evidence evidence(String id, double score, int day) {
        return new Evidence(id, score, "SELECTED_RESPONSE", "FORMATIVE", T0.plusSeconds(86_400L * day));
    }

    public static Evidence evidence(String id, double score, int day, String method, String type) {
        return new Evidence(id, score, method, type, T0.plusSeconds(86_400L * day));
    }
}

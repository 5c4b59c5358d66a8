package org.mastery.progression.catalog.query;

import java.util.List;
import java.util.Map;
import org.mastery.contracts.curriculum.CompetencyDefinition;
import org.mastery.contracts.curriculum.MasteryPolicy;
import org.mastery.progression.journey.domain.CompetencyPolicy;
import org.mastery.progression.journey.domain.Phase;
import org.mastery.progression.journey.domain.ScaleLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Curriculum's competency definition to the journey's {@link CompetencyPolicy}, with SPEC section 3's defaults. */
public final class PolicyTranslation {

    private static final Logger log = LoggerFactory.getLogger(PolicyTranslation.class);

    private PolicyTranslation() {
    }

    public static CompetencyPolicy toPolicy(CompetencyDefinition definition) {
        MasteryPolicy policy = definition.policy();
        double cut = definition.scale() != null && definition.scale().masteryCut() > 0
                ? definition.scale().masteryCut() : CompetencyPolicy.DEFAULT_CUT;
        List<ScaleLevel> levels = definition.scale() == null || definition.scale().levels() == null ? List.of()
                : definition.scale().levels().stream().map(l -> new ScaleLevel(l.value(), l.label())).toList();
        List<Phase> phases = definition.phases() == null ? List.of() : definition.phases().stream()
                .map(p -> new Phase(p.phaseId(), p.order(), p.minScore(), p.maxScore())).toList();
        int policyVersion = policy == null ? 0 : policy.policyVersion();
        String method = policy == null || policy.method() == null ? "DECAYING_AVERAGE" : policy.method();
        Map<String, Double> parameters = policy == null || policy.parameters() == null ? Map.of() : policy.parameters();
        int minEvidence = policy == null || policy.minEvidence() < 1 ? CompetencyPolicy.DEFAULT_MIN_EVIDENCE : policy.minEvidence();
        List<String> required = policy == null || policy.requiredMethods() == null ? List.of() : policy.requiredMethods();
        boolean retention = policy != null && policy.retention();
        try {
            return new CompetencyPolicy(definition.competencyId(), definition.competencyVersion(), policyVersion, method,
                    parameters, minEvidence, required, retention, cut, levels, phases);
        } catch (IllegalArgumentException e) {
            log.warn("Competency {} v{} has an unusable mastery policy ({}); deciding with the default method instead",
                    definition.competencyId(), definition.competencyVersion(), e.getMessage());
            return new CompetencyPolicy(definition.competencyId(), definition.competencyVersion(), policyVersion,
                    "DECAYING_AVERAGE", Map.of(), minEvidence, required, retention, cut, levels, phases);
        }
    }
}

package org.mastery.progression.journey.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mastery.progression.journey.domain.mastery.MasteryMethod;

/**
 * Everything the mastery rules need about one version of a competency: the mastery policy (method,
 * effective parameters, minEvidence, required methods, retention), the scale with its cut, and the
 * progression phases. Adopted into a journey by a {@link PolicyAdopted} event, so that every decision
 * can be re-derived from the journey's own events.
 */
public record CompetencyPolicy(
        String competencyId,
        int competencyVersion,
        int policyVersion,
        String method,
        Map<String, Double> parameters,
        int minEvidence,
        List<String> requiredMethods,
        boolean retention,
        double cut,
        List<ScaleLevel> levels,
        List<Phase> phases) {

    public static final double DEFAULT_CUT = 3.0;
    public static final int DEFAULT_MIN_EVIDENCE = 2;

    public CompetencyPolicy {
        MasteryMethod m = MasteryMethod.of(method);
        parameters = new TreeMap<>(m.effectiveParameters(parameters));
        requiredMethods = requiredMethods == null ? List.of() : requiredMethods.stream().sorted().distinct().toList();
        levels = levels == null || levels.isEmpty() ? defaultLevels() : List.copyOf(levels);
        phases = phases == null ? List.of() : List.copyOf(phases);
        if (minEvidence < 1) {
            throw new IllegalArgumentException("minEvidence must be at least 1");
        }
    }

    /**
     * SPEC section 3's defaults: scale 1 Beginning … 4 Advanced, cut 3, DECAYING_AVERAGE(w=0.65),
     * minEvidence 2. Used (as version 0) for evidence on a competency whose definition has not arrived.
     */
    public static CompetencyPolicy defaults(String competencyId) {
        return new CompetencyPolicy(competencyId, 0, 0, MasteryMethod.DECAYING_AVERAGE.name(), Map.of(),
                DEFAULT_MIN_EVIDENCE, List.of(), false, DEFAULT_CUT, defaultLevels(), List.of());
    }

    public static List<ScaleLevel> defaultLevels() {
        return List.of(new ScaleLevel(1, "Beginning"), new ScaleLevel(2, "Developing"),
                new ScaleLevel(3, "Proficient"), new ScaleLevel(4, "Advanced"));
    }

    public MasteryMethod masteryMethod() {
        return MasteryMethod.valueOf(method);
    }

    /** A later competency version, or a later policy version of the same competency version. */
    public boolean supersedes(CompetencyPolicy other) {
        if (other == null) {
            return true;
        }
        if (competencyVersion != other.competencyVersion) {
            return competencyVersion > other.competencyVersion;
        }
        return policyVersion > other.policyVersion;
    }
}

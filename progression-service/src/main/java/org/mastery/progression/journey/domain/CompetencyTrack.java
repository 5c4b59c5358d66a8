package org.mastery.progression.journey.domain;

import java.time.Instant;
import java.util.TreeMap;
import java.util.TreeSet;

/** A journey's state on one competency: the policy in force, the evidence, override, intervention and retakes. */
public final class CompetencyTrack {

    /** An intervention recommended and not yet resolved. */
    public record OpenIntervention(String interventionId, Instant triggeredAt) {
    }

    private CompetencyPolicy policy;
    private final EvidenceLog evidence = new EvidenceLog();
    private final TreeSet<String> withdrawn = new TreeSet<>();
    private ActiveOverride override;
    private OpenIntervention intervention;
    /** Failed summative assessments awaiting a retake unlock: assessment id → when the failed work was done. */
    private final TreeMap<String, Instant> pendingRetakes = new TreeMap<>();

    public CompetencyPolicy policy() {
        return policy;
    }

    void policy(CompetencyPolicy policy) {
        this.policy = policy;
    }

    public EvidenceLog evidence() {
        return evidence;
    }

    public boolean hasSeen(String evidenceId) {
        return withdrawn.contains(evidenceId) || evidence.contains(evidenceId);
    }

    void withdraw(String evidenceId) {
        evidence.remove(evidenceId);
        withdrawn.add(evidenceId);
    }

    public ActiveOverride override() {
        return override;
    }

    void override(ActiveOverride override) {
        this.override = override;
    }

    public OpenIntervention intervention() {
        return intervention;
    }

    void intervention(OpenIntervention intervention) {
        this.intervention = intervention;
    }

    public TreeMap<String, Instant> pendingRetakes() {
        return pendingRetakes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompetencyTrack other && java.util.Objects.equals(policy, other.policy)
                && evidence.equals(other.evidence) && withdrawn.equals(other.withdrawn)
                && java.util.Objects.equals(override, other.override) && java.util.Objects.equals(intervention, other.intervention)
                && pendingRetakes.equals(other.pendingRetakes);
    }

    @Override
    public int hashCode() {
        return evidence.hashCode();
    }
}

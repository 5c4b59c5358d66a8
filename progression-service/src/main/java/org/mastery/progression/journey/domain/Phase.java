package org.mastery.progression.journey.domain;

/** A learning-progression phase: scores in [minScore, maxScore) belong to it (the top phase includes its max). */
public record Phase(String phaseId, int order, double minScore, double maxScore) {
}

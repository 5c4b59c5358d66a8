package org.mastery.progression.journey.domain;

import java.time.Instant;
import java.util.Comparator;

/** One accepted evidence score of a competency. */
public record Evidence(String evidenceId, double score, String method, String assessmentType, Instant observedAt) {

    /** Observation order: when the work was done, ties broken by evidence id. */
    public static final Comparator<Evidence> OBSERVATION_ORDER =
            Comparator.comparing(Evidence::observedAt).thenComparing(Evidence::evidenceId);

    public static final String SUMMATIVE = "SUMMATIVE";
    public static final String FORMATIVE = "FORMATIVE";
}

package org.mastery.assessment.assessment.domain;

/**
 * When a failed summative attempt may be retaken: after {@code coolDownHours}, or earlier once the
 * student has completed assigned practice on every competency they fell short on (when
 * {@code practiceUnlocks}).
 */
public record RetakePolicy(int coolDownHours, boolean practiceUnlocks) {

    public static final int DEFAULT_COOL_DOWN_HOURS = 24;

    public static RetakePolicy standard() {
        return new RetakePolicy(DEFAULT_COOL_DOWN_HOURS, true);
    }
}

package org.mastery.curriculum.roster.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.mastery.access.RosterAccessProjection;
import org.mastery.curriculum.roster.integration.RosterEventPublication;
import org.springframework.stereotype.Component;

/**
 * Feeds this service's access facts (student-access) straight from its own event log instead of
 * reading its own roster topics back from Kafka (that listener is switched off in application.yml):
 * the same contract records, applied in log order, without the round trip.
 */
@Component
@ProcessingGroup(RosterProjection.GROUP)
public class RosterAccessFeed {

    private final RosterEventPublication contracts;
    private final RosterAccessProjection access;

    public RosterAccessFeed(RosterEventPublication contracts, RosterAccessProjection access) {
        this.contracts = contracts;
        this.access = access;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        contracts.map(event).ifPresent(published -> access.apply(published.data()));
    }
}

package org.mastery.progression.journey.integration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mastery.progression.catalog.query.CatalogViews;
import org.mastery.progression.journey.domain.ExpireOverride;
import org.mastery.progression.journey.domain.TeacherOverrideApplied;
import org.mastery.progression.journey.domain.TeacherOverrideExpired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Override expiry that survives restarts: expiring overrides are kept in a table (from the journey's
 * events, in the processor's own transaction), and a periodic sweep sends {@link ExpireOverride} for
 * every one that is due. The journey ignores an expiry that is not due or no longer in force.
 */
@Component
@ProcessingGroup("override-expiry")
public class OverrideExpiries {

    private static final Logger log = LoggerFactory.getLogger(OverrideExpiries.class);

    public record Due(String overrideId, String studentId, String competencyId, Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final CatalogViews catalog;
    private final Clock clock;

    public OverrideExpiries(JdbcTemplate jdbc, CommandGateway commands, CatalogViews catalog, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.catalog = catalog;
        this.clock = clock;
    }

    @EventHandler
    void on(TeacherOverrideApplied event) {
        // a new override replaces whatever was in force on the competency
        jdbc.update("DELETE FROM override_expiry WHERE student_id = ? AND competency_id = ?",
                event.studentId(), event.competencyId());
        if (event.expiresAt() != null) {
            jdbc.update("INSERT INTO override_expiry (override_id, student_id, competency_id, expires_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (override_id) DO NOTHING",
                    event.overrideId(), event.studentId(), event.competencyId(), Timestamp.from(event.expiresAt()));
        }
    }

    @EventHandler
    void on(TeacherOverrideExpired event) {
        jdbc.update("DELETE FROM override_expiry WHERE override_id = ?", event.overrideId());
    }

    public List<Due> due(Instant now) {
        return jdbc.query("SELECT override_id, student_id, competency_id, expires_at FROM override_expiry "
                        + "WHERE expires_at <= ? ORDER BY expires_at, override_id LIMIT 500",
                (rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                Timestamp.from(now));
    }

    /** Expires every due override; answers how many expired. */
    @Scheduled(fixedDelayString = "${mastery.progression.override-sweep-interval:PT30S}",
            initialDelayString = "${mastery.progression.override-sweep-initial-delay:PT10S}")
    public int sweep() {
        Instant now = clock.instant();
        int expired = 0;
        for (Due due : due(now)) {
            try {
                Boolean done = commands.sendAndWait(new ExpireOverride(due.studentId(), due.overrideId(),
                        catalog.context(due.competencyId()), now));
                if (Boolean.TRUE.equals(done)) {
                    expired++;
                } else {
                    // no longer in force (replaced): nothing to wait for
                    jdbc.update("DELETE FROM override_expiry WHERE override_id = ?", due.overrideId());
                }
            } catch (RuntimeException e) {
                log.warn("Could not expire override {} of {}: {}", due.overrideId(), due.studentId(), e.toString());
            }
        }
        return expired;
    }
}

package org.mastery.curriculum.roster.integration.oneroster;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * OneRoster {@code sourcedId} → Mastery id, per kind (table {@code oneroster_source}). A second import
 * of a bundle finds what the first created instead of duplicating it. Our ids are random, never
 * derived from a sourcedId (which may be a student number).
 */
@Component
public class SourcedIds {

    public static final String ORG = "ORG";
    public static final String COURSE = "COURSE";
    public static final String CLASS = "CLASS";
    public static final String USER = "USER";

    private final JdbcTemplate jdbc;

    public SourcedIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> find(String kind, String sourcedId) {
        return jdbc.query("SELECT mastery_id FROM oneroster_source WHERE kind = ? AND sourced_id = ?",
                (rs, i) -> rs.getString(1), kind, sourcedId).stream().findFirst();
    }

    public void put(String kind, String sourcedId, String masteryId) {
        jdbc.update("INSERT INTO oneroster_source (kind, sourced_id, mastery_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                kind, sourcedId, masteryId);
    }
}

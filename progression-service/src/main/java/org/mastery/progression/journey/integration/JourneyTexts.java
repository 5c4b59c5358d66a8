package org.mastery.progression.journey.integration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Free text about a student (goal notes, reflections, override reasons) kept out of the immutable log,
 * in a table rows of which can be deleted: events refer to a text by its id only.
 */
@Component
public class JourneyTexts {

    public enum Kind { GOAL_NOTE, REFLECTION, OVERRIDE_REASON }

    public record Text(String textId, String studentId, Kind kind, String body, String authorId, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    public JourneyTexts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void store(String textId, String studentId, Kind kind, String body, String authorId, Instant at) {
        jdbc.update("INSERT INTO journey_text (text_id, student_id, kind, body, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                textId, studentId, kind.name(), body, authorId, Timestamp.from(at));
    }

    public void delete(String textId) {
        jdbc.update("DELETE FROM journey_text WHERE text_id = ?", textId);
    }

    public Optional<Text> find(String textId) {
        return jdbc.query("SELECT text_id, student_id, kind, body, author_id, created_at FROM journey_text WHERE text_id = ?",
                (rs, i) -> new Text(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()), textId).stream().findFirst();
    }

    public List<Text> ofStudent(String studentId, Kind kind) {
        return jdbc.query("SELECT text_id, student_id, kind, body, author_id, created_at FROM journey_text "
                        + "WHERE student_id = ? AND kind = ? ORDER BY created_at, text_id",
                (rs, i) -> new Text(rs.getString(1), rs.getString(2), Kind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()), studentId, kind.name());
    }

    /** Forgets every text about the student; answers how many were erased. */
    public int eraseStudent(String studentId) {
        return jdbc.update("DELETE FROM journey_text WHERE student_id = ?", studentId);
    }
}

package org.mastery.curriculum.directory.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which ids exist and what they are, read from the table {@link DirectoryProjection} keeps inside
 * the transaction that stores the events: consistent with the event store, unlike the MongoDB views.
 * Commands use it to check references to other aggregates before they are dispatched.
 */
@Component
public class Directory {

    public static final String FRAMEWORK = "FRAMEWORK";
    public static final String COMPETENCY = "COMPETENCY";
    public static final String COURSE = "COURSE";
    public static final String ORGANIZATION = "ORGANIZATION";
    public static final String CLASS = "CLASS";
    public static final String PERSON = "PERSON";

    private final JdbcTemplate jdbc;

    public Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One id as the directory knows it. */
    public record Entry(String id, String kind, String subtype, String parentId, String code, boolean published,
                        boolean erased) {

        public boolean is(String kind, String subtype) {
            return this.kind.equals(kind) && (subtype == null || subtype.equals(this.subtype));
        }
    }

    public Optional<Entry> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        List<Entry> rows = jdbc.query("SELECT id, kind, subtype, parent_id, code, published, erased_at FROM directory_entry WHERE id = ?",
                (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), rs.getTimestamp(7) != null), id);
        return rows.stream().findFirst();
    }

    /** The entry if the id is of that kind (and subtype, when given). */
    public Optional<Entry> find(String id, String kind, String subtype) {
        return find(id).filter(e -> e.is(kind, subtype));
    }

    public Map<String, Entry> findAll(Collection<String> ids) {
        Map<String, Entry> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT id, kind, subtype, parent_id, code, published, erased_at FROM directory_entry WHERE id = ANY(?)");
            ps.setArray(1, con.createArrayOf("varchar", ids.toArray()));
            return ps;
        }, rs -> {
            out.put(rs.getString(1), new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getBoolean(6), rs.getTimestamp(7) != null));
        });
        return out;
    }

    // ---- writes, by DirectoryProjection ----

    void add(String id, String kind, String subtype, String parentId, String code) {
        jdbc.update("INSERT INTO directory_entry (id, kind, subtype, parent_id, code) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                id, kind, subtype, parentId, code);
    }

    void setCode(String id, String code, boolean published) {
        jdbc.update("UPDATE directory_entry SET code = ?, published = published OR ? WHERE id = ?", code, published, id);
    }

    void markErased(String id, java.time.Instant at) {
        jdbc.update("UPDATE directory_entry SET erased_at = COALESCE(erased_at, ?) WHERE id = ?",
                java.sql.Timestamp.from(at), id);
    }
}

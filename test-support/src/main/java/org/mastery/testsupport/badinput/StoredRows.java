package org.mastery.testsupport.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.bson.Document;

/**
 * The usual {@link StoreCheck}: the service's event store ({@code DomainEventEntry}) — no row may carry
 * a corpus correlation id, and the row count must not change — plus the side tables and MongoDB
 * collections that only requests write. Counts are taken once the store is quiet (no change for a
 * second), so that events still being applied from earlier tests do not count as the corpus's.
 */
public final class StoredRows implements StoreCheck {

    private final DataSource dataSource;
    private final List<String> tables = new ArrayList<>();
    private final Map<String, Supplier<Object>> counters = new LinkedHashMap<>();

    private StoredRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static StoredRows of(DataSource dataSource) {
        return new StoredRows(dataSource);
    }

    /** A table of the service's database that only requests write. */
    public StoredRows table(String table) {
        tables.add(table);
        return this;
    }

    /** A MongoDB collection that only requests write. */
    public StoredRows collection(MongoDatabase database, String collection) {
        counters.put("mongo " + collection, () -> database.getCollection(collection).countDocuments(new Document()));
        return this;
    }

    /** Anything else a refused request must leave as it was (e.g. when the last rebuild started). */
    public StoredRows value(String name, Supplier<Object> value) {
        counters.put(name, value);
        return this;
    }

    @Override
    public Object snapshot() {
        return quiet();
    }

    @Override
    public void assertNothingStored(Object before, String correlationPrefix) {
        assertThat(rowsCorrelatedWith(correlationPrefix)).as("events stored by corpus requests").isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> was = (Map<String, Object>) before;
        Map<String, Object> now = quiet();
        if (!now.equals(was)) {
            assertThat(now).as("what is stored, before %s and after the corpus; new events: %s", was,
                    newEvents((Long) was.get("DomainEventEntry"))).isEqualTo(was);
        }
    }

    private Map<String, Object> quiet() {
        Map<String, Object> last = counts();
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() - stableSince < 500_000_000L && System.nanoTime() < deadline) {
            sleep(100);
            Map<String, Object> now = counts();
            if (!now.equals(last)) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }

    private Map<String, Object> counts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("DomainEventEntry", count("DomainEventEntry"));
        for (String table : tables) {
            counts.put(table, count(table));
        }
        counters.forEach((name, counter) -> counts.put(name, counter.get()));
        return counts;
    }

    private long count(String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> rowsCorrelatedWith(String prefix) {
        return query("SELECT payloadType, convert_from(metaData, 'UTF8') FROM DomainEventEntry "
                + "WHERE convert_from(metaData, 'UTF8') LIKE ?", "%" + prefix + "%");
    }

    private List<String> newEvents(Long after) {
        return query("SELECT payloadType, convert_from(metaData, 'UTF8') FROM DomainEventEntry ORDER BY globalIndex DESC LIMIT "
                + Math.max(1, Math.min(20, count("DomainEventEntry") - (after == null ? 0 : after))), null);
    }

    private List<String> query(String sql, String parameter) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

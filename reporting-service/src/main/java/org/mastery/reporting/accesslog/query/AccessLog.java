package org.mastery.reporting.accesslog.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Each student's access log (FERPA's record of disclosures, as every service reported them): one
 * MongoDB document per student and month ({@code _id} = {@code <student>|<yyyy-MM>}), so a document
 * cannot grow without bound, and one per student listing its months. Read and written by {@code _id}
 * only; adding an entry twice changes nothing ({@code $addToSet} of an entry keyed by its event id).
 *
 * <p>Not a rebuildable projection: the disclosure topics may no longer hold old records (retention),
 * while each producing service's event store does. {@link org.mastery.reporting.projection.integration.ProjectionRebuilder}
 * leaves these collections alone.
 */
public class AccessLog {

    public static final String BUCKETS = "access_log";
    public static final String MONTHS = "access_log_months";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> months;

    public AccessLog(MongoTemplate mongo) {
        this.buckets = mongo.getCollection(BUCKETS);
        this.months = mongo.getCollection(MONTHS);
    }

    /** One disclosure: who read which endpoint of which service, when. */
    public record Entry(String eventId, String accessorId, List<String> accessorRoles, String service, String endpoint,
                        String record, Instant disclosedAt, String correlationId) {
    }

    /** The months with entries (newest first) and the entries asked for (newest first). */
    public record View(String studentId, List<String> months, List<Entry> entries) {
    }

    public void add(String studentId, Entry entry) {
        String month = month(entry.disclosedAt());
        Document doc = new Document("eventId", entry.eventId())
                .append("accessorId", entry.accessorId())
                .append("accessorRoles", entry.accessorRoles() == null ? List.of() : entry.accessorRoles())
                .append("service", entry.service())
                .append("endpoint", entry.endpoint())
                .append("record", entry.record())
                .append("disclosedAt", entry.disclosedAt().toString())
                .append("correlationId", entry.correlationId());
        buckets.updateOne(new Document("_id", studentId + "|" + month),
                new Document("$set", new Document("studentId", studentId).append("month", month))
                        .append("$addToSet", new Document("entries", doc)), UPSERT);
        months.updateOne(new Document("_id", studentId), new Document("$addToSet", new Document("months", month)), UPSERT);
    }

    /** The student's log, of one month or of all of them. */
    public View of(String studentId, Optional<YearMonth> only) {
        Document index = months.find(new Document("_id", studentId)).first();
        List<String> all = index == null ? List.of() : new ArrayList<>(index.getList("months", String.class));
        all.sort(Comparator.reverseOrder());
        List<Entry> entries = new ArrayList<>();
        for (String month : all) {
            if (only.isPresent() && !only.get().toString().equals(month)) {
                continue;
            }
            Document bucket = buckets.find(new Document("_id", studentId + "|" + month)).first();
            if (bucket == null) {
                continue;
            }
            for (Document e : bucket.getList("entries", Document.class)) {
                entries.add(new Entry(e.getString("eventId"), e.getString("accessorId"), e.getList("accessorRoles", String.class),
                        e.getString("service"), e.getString("endpoint"), e.getString("record"),
                        Instant.parse(e.getString("disclosedAt")), e.getString("correlationId")));
            }
        }
        entries.sort(Comparator.comparing(Entry::disclosedAt).reversed().thenComparing(Entry::eventId));
        return new View(studentId, List.copyOf(all), entries);
    }

    static String month(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString();
    }
}

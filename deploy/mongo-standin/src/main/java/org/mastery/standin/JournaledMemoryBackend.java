package org.mastery.standin;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory backend, kept on disk as a journal of the write commands it has applied, in the order
 * it applied them, plus a snapshot that the journal is folded into from time to time.
 *
 * <p>Why not the H2 backend: it stores documents with Java serialization and compares its {@code _id}
 * keys by serializing both sides on every step of a lookup, which made the stand-in the busiest
 * process of the local platform. Here reads and writes run at memory speed; a write costs one append
 * of the command to a file.
 *
 * <p>On disk, in the data directory: {@code snapshot.bson} (commands that recreate every collection, its
 * indexes and documents, covering the journals up to a generation) and {@code journal-N.bson} (write
 * commands after that). Opening replays the snapshot and the later journals, then folds them into a new
 * snapshot; so do a clean close and a journal that outgrows its limit. A killed stand-in loses none of
 * the writes it acknowledged (they are in the journal); only a crash of the machine itself can lose
 * the last moments, as with the H2 file it replaces.
 */
final class JournaledMemoryBackend extends MemoryBackend {

    private static final Logger log = LoggerFactory.getLogger(JournaledMemoryBackend.class);

    /**
     * The commands that change data (lower case); everything else is a read and is not journaled. An
     * aggregation that writes ({@code $out}, {@code $merge}) would not be kept: no service uses one.
     */
    static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create", "drop", "dropdatabase",
            "createindexes", "dropindexes", "renamecollection", "collmod");

    private static final String SNAPSHOT = "snapshot.bson";
    private static final Pattern JOURNAL = Pattern.compile("journal-(\\d+)\\.bson");
    private static final int SNAPSHOT_BATCH = 500;

    private final Path directory;
    private final long compactAfterBytes;
    private final Channel internal = new EmbeddedChannel();
    private CommandJournal journal;
    private long generation;
    private boolean closed;

    private JournaledMemoryBackend(Path directory, long compactAfterBytes) {
        this.directory = directory;
        this.compactAfterBytes = compactAfterBytes;
    }

    /** Opens the backend kept in {@code directory}: everything written before is there again. */
    static JournaledMemoryBackend open(Path directory, long compactAfterBytes) {
        JournaledMemoryBackend backend = new JournaledMemoryBackend(directory, compactAfterBytes);
        backend.recover();
        return backend;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        // one writer at a time, so that the journal's order is the order the writes were applied in
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the stand-in is closing");
            }
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                // journaled even when it failed: a write may fail part-way (an ordered insert with a
                // duplicate key), and replayed on the same state it fails the same way
                journal.append(record(databaseName, command, query));
                if (journal.bytes() > compactAfterBytes) {
                    compact();
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            compact();
            journal.close();
            closed = true;
        }
        super.close();
    }

    // ---- on disk

    private void recover() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long covered = 0;
        int replayed = 0;
        Path snapshot = directory.resolve(SNAPSHOT);
        if (Files.exists(snapshot)) {
            long[] upTo = {0};
            replayed += CommandJournal.read(snapshot, record -> {
                if (record.containsKey("journalsUpTo")) {
                    upTo[0] = ((Number) record.get("journalsUpTo")).longValue();
                } else {
                    replay(record);
                }
            });
            covered = upTo[0];
        }
        TreeMap<Long, Path> journals = journals();
        int fromJournals = 0;
        for (var entry : journals.entrySet()) {
            if (entry.getKey() > covered) {
                fromJournals += CommandJournal.read(entry.getValue(), this::replay);
            }
        }
        generation = Math.max(covered, journals.isEmpty() ? 0 : journals.lastKey()) + 1;
        journal = CommandJournal.create(directory.resolve(journalName(generation)));
        log.info("Read models restored from {}: {} snapshot records, {} journaled writes", directory, replayed, fromJournals);
        if (fromJournals > 0) {
            compact();
        } else {
            deleteJournalsBefore(generation); // empty, or already in the snapshot
        }
    }

    /** Folds everything into a new snapshot and starts an empty journal; callers hold the lock. */
    private synchronized void compact() {
        long upTo = generation;
        journal.close();
        generation++;
        journal = CommandJournal.create(directory.resolve(journalName(generation)));

        Path written = directory.resolve(SNAPSHOT + ".tmp");
        try {
            Files.deleteIfExists(written);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (CommandJournal snapshot = CommandJournal.create(written)) {
            snapshot.append(new Document("journalsUpTo", upTo));
            for (String database : new ArrayList<>(listDatabaseNames())) {
                writeDatabase(snapshot, database);
            }
            snapshot.force();
        }
        try {
            Files.move(written, directory.resolve(SNAPSHOT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the new snapshot in place in " + directory, e);
        }
        deleteJournalsBefore(upTo + 1);
    }

    private void deleteJournalsBefore(long generation) {
        try {
            for (var entry : journals().headMap(generation).entrySet()) {
                Files.delete(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeDatabase(CommandJournal snapshot, String database) {
        if (database.equals("admin") || database.equals("local")) {
            return;
        }
        Document listed = super.handleCommand(internal, database, "listCollections", new Document("listCollections", 1));
        for (Document collection : firstBatch(listed)) {
            String name = (String) collection.get("name");
            if (name.startsWith("system.")) {
                continue;
            }
            MongoCollection<?> stored = resolveDatabase(database).resolveCollection(name, false);
            if (stored == null) {
                continue;
            }
            snapshot.append(record(database, "create", new Document("create", name)));
            List<Document> indexes = new ArrayList<>();
            Document listedIndexes = super.handleCommand(internal, database, "listIndexes", new Document("listIndexes", name));
            for (Document index : firstBatch(listedIndexes)) {
                if (!"_id_".equals(index.get("name"))) {
                    Document spec = new Document(index);
                    spec.remove("ns");
                    indexes.add(spec);
                }
            }
            if (!indexes.isEmpty()) {
                snapshot.append(record(database, "createIndexes", new Document("createIndexes", name).append("indexes", indexes)));
            }
            List<Document> batch = new ArrayList<>(SNAPSHOT_BATCH);
            try (Stream<Document> documents = stored.queryAllAsStream()) {
                documents.forEach(document -> {
                    batch.add(document);
                    if (batch.size() == SNAPSHOT_BATCH) {
                        snapshot.append(insert(database, name, batch));
                        batch.clear();
                    }
                });
            }
            if (!batch.isEmpty()) {
                snapshot.append(insert(database, name, batch));
            }
        }
    }

    private static Document insert(String database, String collection, List<Document> documents) {
        return record(database, "insert", new Document("insert", collection).append("documents", new ArrayList<>(documents))
                .append("ordered", true));
    }

    @SuppressWarnings("unchecked")
    private static List<Document> firstBatch(Document response) {
        Document cursor = (Document) response.get("cursor");
        return cursor == null ? List.of() : (List<Document>) cursor.get("firstBatch");
    }

    private static Document record(String database, String command, Document query) {
        return new Document("db", database).append("command", command).append("query", query);
    }

    private void replay(Document record) {
        try {
            super.handleCommand(internal, (String) record.get("db"), (String) record.get("command"), (Document) record.get("query"));
        } catch (RuntimeException e) {
            // it failed the same way when it was first applied (see handleCommand)
            log.debug("A journaled write failed again on replay: {}", e.getMessage());
        }
    }

    private TreeMap<Long, Path> journals() {
        TreeMap<Long, Path> journals = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> {
                Matcher m = JOURNAL.matcher(file.getFileName().toString());
                if (m.matches()) {
                    journals.put(Long.parseLong(m.group(1)), file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return journals;
    }

    private static String journalName(long generation) {
        return String.format(Locale.ROOT, "journal-%09d.bson", generation);
    }
}

package org.mastery.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journaled stand-in keeps what it acknowledged: across a clean restart, across a SIGKILL (the
 * stand-in runs as its own process and is killed, not closed), with a torn last record, and across
 * the snapshot that journals are folded into, with indexes and the order of non-idempotent writes.
 */
class JournaledMemoryBackendTest {

    @TempDir
    Path data;

    @Test
    void writesAndIndexesSurviveACleanRestartAndTheOrderOfWritesIsKept() {
        try (MongoStandIn standIn = MongoStandIn.inDirectory(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(standIn.connectionString())) {
            MongoCollection<Document> views = views(client);
            views.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            for (int i = 0; i < 50; i++) {
                views.replaceOne(new Document("_id", "student-" + i), new Document("email", "s" + i + "@example.org")
                        .append("counter", 0), new ReplaceOptions().upsert(true));
            }
            for (int i = 0; i < 20; i++) {
                // not idempotent: replayed out of order or twice, the numbers would differ
                views.updateOne(new Document("_id", "student-1"), Updates.combine(Updates.inc("counter", 1),
                        Updates.set("last", i), Updates.push("seen", i)));
            }
            views.deleteOne(new Document("_id", "student-2"));
        }
        try (MongoStandIn standIn = MongoStandIn.inDirectory(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(standIn.connectionString())) {
            MongoCollection<Document> views = views(client);
            assertThat(views.countDocuments()).isEqualTo(49);
            Document one = views.find(new Document("_id", "student-1")).first();
            assertThat(one.getInteger("counter")).isEqualTo(20);
            assertThat(one.getInteger("last")).isEqualTo(19);
            assertThat(one.getList("seen", Integer.class)).hasSize(20).isSorted();
            assertThat(views.find(new Document("_id", "student-2")).first()).isNull();
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "other").append("email", "s3@example.org")))
                    .as("the unique index came back too").isInstanceOf(MongoWriteException.class);
        }
        assertThat(journals()).as("a clean close folds the journal into the snapshot").allSatisfy(j -> assertThat(size(j)).isZero());
    }

    @Test
    void aJournalThatOutgrowsItsLimitIsFoldedIntoTheSnapshotWithoutLosingAWrite() {
        JournaledMemoryBackend backend = JournaledMemoryBackend.open(data, 64 * 1024);
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(backend);
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> views = views(client);
            for (int i = 0; i < 400; i++) {
                views.updateOne(new Document("_id", "class-" + (i % 7)), Updates.combine(Updates.inc("writes", 1),
                        Updates.set("padding", "x".repeat(500))), new com.mongodb.client.model.UpdateOptions().upsert(true));
            }
            assertThat(Files.exists(data.resolve("snapshot.bson"))).isTrue();
            assertThat(journals()).as("older journals are deleted once the snapshot holds them").hasSize(1);
        } finally {
            server.shutdownNow();
            backend.close();
        }
        try (MongoStandIn standIn = MongoStandIn.inDirectory(data, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(standIn.connectionString())) {
            List<Integer> writes = new ArrayList<>();
            views(client).find().forEach(d -> writes.add(d.getInteger("writes")));
            assertThat(writes).hasSize(7);
            assertThat(writes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(400);
        }
    }

    @Test
    void aKilledStandInLosesNoAcknowledgedWriteAndCutsOffATornRecord() throws Exception {
        int port = freePort();
        Process standIn = launch(port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> views = views(client);
            for (int i = 0; i < 300; i++) {
                views.replaceOne(new Document("_id", "tracker-" + i), new Document("state", "MASTERED").append("n", i),
                        new ReplaceOptions().upsert(true));
            }
        }
        standIn.destroyForcibly();
        assertThat(standIn.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // a crash in the middle of an append leaves half a record behind
        Path last = journals().get(journals().size() - 1);
        assertThat(size(last)).as("the writes went to the journal, not to a snapshot").isPositive();
        Files.write(last, new byte[] {(byte) 200, 0, 0, 0, 3, 'u', 'p'}, StandardOpenOption.APPEND);

        standIn = launch(port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> views = views(client);
            assertThat(views.countDocuments()).isEqualTo(300);
            assertThat(views.find(new Document("_id", "tracker-299")).first().getInteger("n")).isEqualTo(299);
            views.insertOne(new Document("_id", "after-recovery"));
        } finally {
            standIn.destroy();
            standIn.waitFor(30, TimeUnit.SECONDS);
        }
        standIn = launch(port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            assertThat(views(client).countDocuments()).isEqualTo(301);
        } finally {
            standIn.destroy();
            standIn.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static MongoCollection<Document> views(MongoClient client) {
        return client.getDatabase("reporting").getCollection("views");
    }

    private List<Path> journals() {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(f -> f.getFileName().toString().startsWith("journal-")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Process launch(int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), MongoStandIn.class.getName(),
                "--port", Integer.toString(port), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("stand-in.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException notYet) {
                assertThat(process.isAlive()).as("the stand-in process is running").isTrue();
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the stand-in did not open port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

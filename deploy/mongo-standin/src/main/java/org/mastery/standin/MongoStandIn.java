package org.mastery.standin;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-wire-compatible server for read models where no real MongoDB is configured.
 *
 * <p>It answers every query by scanning, except exact equality on {@code _id} or a unique key, and it
 * has no transactions or change streams: Mastery's read models are fetched and updated by {@code _id}
 * and never rely on either. The memory backend keeps nothing across restarts (tests); the journaled
 * memory backend keeps its data in a directory (the local platform); the H2 backend keeps a file.
 */
public final class MongoStandIn implements AutoCloseable {

    /** A journal that outgrows this is folded into the snapshot. */
    static final long COMPACT_JOURNAL_AFTER_BYTES = 256L * 1024 * 1024;

    private final MongoBackend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoStandIn(MongoBackend backend, String host, int port) {
        this.backend = backend;
        server = new MongoServer(backend);
        server.bind(host, port);
        address = server.getLocalAddress();
    }

    /** An in-memory stand-in on a free loopback port. */
    public static MongoStandIn inMemory() {
        return new MongoStandIn(new MemoryBackend(), "127.0.0.1", 0);
    }

    public static MongoStandIn inMemory(String host, int port) {
        return new MongoStandIn(new MemoryBackend(), host, port);
    }

    /** A stand-in that works in memory and keeps its data in {@code directory} (a snapshot and a journal of writes). */
    public static MongoStandIn inDirectory(Path directory, String host, int port) {
        return new MongoStandIn(JournaledMemoryBackend.open(directory, COMPACT_JOURNAL_AFTER_BYTES), host, port);
    }

    /** A stand-in that keeps its data in an H2 MVStore file. */
    public static MongoStandIn inFile(String file, String host, int port) {
        return new MongoStandIn(new H2Backend(file), host, port);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }

    /** {@code java -jar mongo-standin.jar [--port N] [--host H] [--data DIRECTORY | --file PATH]} */
    public static void main(String[] args) throws InterruptedException {
        int port = 27117;
        String host = "127.0.0.1";
        String file = null;
        String data = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--host" -> host = args[++i];
                case "--file" -> file = args[++i];
                case "--data" -> data = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --port N --host H and --data DIRECTORY or --file PATH");
            }
        }
        MongoStandIn standIn = data != null ? inDirectory(Path.of(data), host, port)
                : file != null ? inFile(file, host, port) : inMemory(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.close();
            stopped.countDown();
        }));
        System.out.println("MongoDB stand-in ready on " + standIn.connectionString() + (data != null ? " (memory, kept in " + data + ")"
                : file != null ? " (file " + file + ")" : " (memory)"));
        stopped.await();
    }
}

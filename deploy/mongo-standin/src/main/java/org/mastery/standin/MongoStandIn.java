package org.mastery.standin;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-wire-compatible server for read models where no real MongoDB is configured.
 *
 * <p>It answers every query by scanning, except exact equality on {@code _id} or a unique key, and it
 * has no transactions or change streams: Mastery's read models are fetched and updated by {@code _id}
 * and never rely on either. The memory backend keeps nothing across restarts (the views are rebuilt
 * from the event streams); the H2 backend keeps a file, for small volumes.
 */
public final class MongoStandIn implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private MongoStandIn(MongoBackend backend, String host, int port) {
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
    }

    /** {@code java -jar mongo-standin.jar [--port N] [--host H] [--file PATH]} */
    public static void main(String[] args) throws InterruptedException {
        int port = 27117;
        String host = "127.0.0.1";
        String file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--host" -> host = args[++i];
                case "--file" -> file = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --port N --host H --file PATH");
            }
        }
        MongoStandIn standIn = file == null ? inMemory(host, port) : inFile(file, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            standIn.close();
            stopped.countDown();
        }));
        System.out.println("MongoDB stand-in ready on " + standIn.connectionString() + (file == null ? " (memory)" : " (file " + file + ")"));
        stopped.await();
    }
}

package org.mastery.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Which backend should the local platform's MongoDB stand-in use? Not a test: run it by hand
 * (deploy/README.md shows how) and read the numbers. The three backends in one run, the plain memory
 * backend (which keeps nothing) being the baseline.
 *
 * <p>For each backend: start time, upserts of read-model-shaped documents by {@code _id}, finds by
 * {@code _id}, resident memory, file size, a graceful restart (are the documents still there, how
 * long does it take), and a kill -9 right after a burst of writes (how many of the last writes survive).
 */
public final class StandInBackendBenchmark {

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path repo = TestPlatforms.repository();
        Path standIn = Part.MONGO.builtJar(repo).orElseThrow(() -> new IllegalStateException("build deploy/mongo-standin first"));
        Path lib = repo.resolve("deploy/platform/target/lib");
        String classpath = standIn + File.pathSeparator + jars(lib, "slf4j-api-") + File.pathSeparator + jars(lib, "slf4j-simple-");
        Path dir = Files.createTempDirectory("standin-bench");
        System.out.printf(Locale.ROOT, "MongoDB stand-in backends, %d documents of ~%d bytes, %d cores, load average %s%n",
                documents, document(0, new Random(1)).toJson().length(), Runtime.getRuntime().availableProcessors(),
                Mastery.loadAverage().orElse("?"));
        System.out.println("backend | start | upserts/s | find by _id median / p95 | RSS after load | file | graceful restart: ready, docs kept, first find | kill -9 right after 1,000 writes: kept");
        List<String> backends = args.length > 1 ? List.of(args[1].split(",")) : List.of("memory", "h2", "journal");
        for (String backend : backends) {
            Path file = backend.equals("h2") ? dir.resolve("standin.mv") : backend.equals("journal") ? dir.resolve("journaled") : null;
            run(backend, classpath, backend.equals("journal") ? "--data" : "--file", file, documents);
        }
        Platform.deleteRecursively(dir);
    }

    private static void run(String backend, String classpath, String option, Path file, int documents) throws Exception {
        int port = freePort();
        long t0 = System.nanoTime();
        Process p = start(classpath, port, option, file);
        double start = waitForPort(port, t0);
        String uri = "mongodb://127.0.0.1:" + port;
        double upsertsPerSecond;
        double[] find;
        long rss;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> views = client.getDatabase("bench").getCollection("views");
            Random random = new Random(42);
            long w0 = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                views.replaceOne(new Document("_id", "student-" + i), document(i, random), new ReplaceOptions().upsert(true));
            }
            upsertsPerSecond = documents / ((System.nanoTime() - w0) / 1e9);
            find = finds(views, documents, 2000);
            rss = ProcessStats.rssBytes(p.pid());
        }
        p.destroy();
        p.waitFor(60, TimeUnit.SECONDS);
        String size = file == null ? "-" : (sizeOf(file) / (1024 * 1024)) + " MiB";

        long r0 = System.nanoTime();
        p = start(classpath, port, option, file);
        double restart = waitForPort(port, r0);
        long kept;
        double firstFind;
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> views = client.getDatabase("bench").getCollection("views");
            long f0 = System.nanoTime();
            views.find(new Document("_id", "student-7")).first();
            firstFind = (System.nanoTime() - f0) / 1e6;
            kept = views.countDocuments();
            for (int i = 0; i < 1000; i++) {
                views.replaceOne(new Document("_id", "burst-" + i), new Document("n", i), new ReplaceOptions().upsert(true));
            }
        }
        p.destroyForcibly(); // SIGKILL right after the last acknowledged write
        p.waitFor(30, TimeUnit.SECONDS);
        p = start(classpath, port, option, file);
        waitForPort(port, System.nanoTime());
        long burstKept;
        try (MongoClient client = MongoClients.create(uri)) {
            burstKept = client.getDatabase("bench").getCollection("views").countDocuments(new Document("n", new Document("$gte", 0)));
        }
        p.destroy();
        p.waitFor(60, TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "%s | %.1f s | %.0f | %.2f / %.2f ms | %d MiB | %s | %.1f s, %d of %d, %.0f ms | %d of 1000%n",
                backend, start, upsertsPerSecond, find[0], find[1], rss / (1024 * 1024), size, restart, kept, documents, firstFind, burstKept);
    }

    /** A read-model document: a student's view with twenty competencies. */
    static Document document(int i, Random random) {
        Document competencies = new Document();
        for (int c = 0; c < 20; c++) {
            competencies.append("c-" + c, new Document("state", random.nextBoolean() ? "MASTERED" : "IN_PROGRESS")
                    .append("score", Math.round(random.nextDouble() * 400) / 100.0)
                    .append("evidence", List.of("ev-" + random.nextInt(100000), "ev-" + random.nextInt(100000))));
        }
        return new Document("_id", "student-" + i).append("classId", "class-" + (i % 40)).append("version", 1)
                .append("competencies", competencies);
    }

    private static double[] finds(MongoCollection<Document> views, int documents, int count) {
        Random random = new Random(7);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            views.find(new Document("_id", "student-" + random.nextInt(documents))).first();
            times.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(times);
        return new double[] {times.get(count / 2), times.get(count * 95 / 100)};
    }

    private static Process start(String classpath, int port, String option, Path file) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Launch.JAVA, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath, "org.mastery.standin.MongoStandIn",
                "--port", Integer.toString(port)));
        if (file != null) {
            // the journaled memory backend keeps a directory (--data: snapshot and journal), H2 a file (--file)
            cmd.addAll(List.of(option, file.toString()));
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static double waitForPort(int port, long since) throws InterruptedException {
        while (!Readiness.port("127.0.0.1", port).isReady()) {
            Thread.sleep(20);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    private static long sizeOf(Path path) throws Exception {
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        try (var files = Files.list(path)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String jars(Path dir, String prefix) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).map(Path::toString).findFirst().orElseThrow();
        }
    }
}

package org.mastery.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole system on one machine: PostgreSQL, Kafka, the MongoDB stand-in, the development
 * identity provider, the four services and the gateway, each a process of its own, all data under
 * one directory.
 *
 * <pre>{@code
 * try (Platform platform = Platform.start(PlatformConfig.builder(repo, tempDir).portOffset(1000).build())) {
 *     String gateway = platform.url(Part.GATEWAY);          // http://localhost:9080
 *     platform.kill9("progression");                        // SIGKILL, no shutdown hooks
 *     platform.restart("progression");                      // same data, waits until ready
 * }                                                         // services first, then infrastructure
 * }</pre>
 *
 * Start order: PostgreSQL, Kafka and the stand-in (together); then the identity provider and the
 * services together; then the gateway. Stop order is the reverse. A JVM shutdown hook stops whatever
 * still runs if the caller does not.
 */
public final class Platform implements AutoCloseable {

    /** Parts start and stop together on threads of their own (the common pool may have a single thread). */
    private static final java.util.concurrent.ExecutorService WORKERS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "mastery-platform-worker");
        thread.setDaemon(true);
        return thread;
    });

    private final PlatformConfig config;
    private final RunDirectory run;
    private final PrintStream out;
    private final Map<Part, Component> components = new EnumMap<>(Part.class);
    private final List<String> warnings = new ArrayList<>();
    private final Object lifecycle = new Object();
    private final Thread shutdownHook;

    private RunDirectory.Lock lock;
    private Instant startedAt;
    private Duration timeToReady;
    private Duration jvmToReady;
    private volatile boolean stopping;
    private boolean stopped;

    private Platform(PlatformConfig config) {
        this.config = config;
        this.run = new RunDirectory(config.dataDirectory());
        this.out = config.out();
        this.shutdownHook = new Thread(this::stop, "mastery-platform-stop");
    }

    /** Starts every selected part and returns once all are ready; on failure stops what it started and throws. */
    public static Platform start(PlatformConfig config) {
        Platform platform = new Platform(config);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.stop();
            throw e;
        }
    }

    public PlatformConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- start

    private void startAll() {
        startedAt = Instant.now();
        lock = run.lock();
        run.writePid(RunDirectory.LAUNCHER, ProcessHandle.current().pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        if (config.fresh()) {
            wipe();
        }
        refuseLeftovers();
        List<Part> selected = Stream.of(Part.values()).filter(config::starts).collect(Collectors.toCollection(ArrayList::new));
        if (selected.contains(Part.GATEWAY) && config.jar(Part.GATEWAY).isEmpty()) {
            warn("the gateway is not built yet (" + Part.GATEWAY.expectedJar() + "): starting without it; "
                    + "the services answer directly on their ports");
            selected.remove(Part.GATEWAY);
        }
        requireFreePorts(selected);
        writeState("starting");
        Jars jars = new Jars(config);
        for (Part part : selected) {
            components.put(part, create(part, jars));
        }

        phase(selected, Part.Kind.INFRASTRUCTURE);
        phase(selected, Part.Kind.IDENTITY, Part.Kind.SERVICE);
        phase(selected, Part.Kind.GATEWAY);

        Instant ready = Instant.now();
        timeToReady = Duration.between(startedAt, ready);
        jvmToReady = Duration.between(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()), ready);
        writeState("up");
    }

    /** Launches the parts of these kinds together and waits until every one is ready. */
    private void phase(List<Part> selected, Part.Kind... kinds) {
        List<Part> parts = selected.stream().filter(p -> List.of(kinds).contains(p.kind())).toList();
        if (parts.isEmpty()) {
            return;
        }
        Instant deadline = Instant.now().plus(config.readinessTimeout());
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (Part part : parts) {
            starting.add(CompletableFuture.runAsync(() -> {
                Component component = components.get(part);
                launchUnlessStopping(component);
                component.awaitReady(deadline);
                out.printf(Locale.ROOT, "  %-12s ready in %5.1f s  %s%n", part.id(),
                        component.startupTime().orElse(Duration.ZERO).toMillis() / 1000.0, config.endpoint(part));
            }, WORKERS));
        }
        try {
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof PlatformException platformException) {
                throw platformException;
            }
            throw new PlatformException(String.valueOf(cause), cause);
        }
    }

    /**
     * Launches a part unless the platform is stopping. Launching may take seconds (a jar is extracted,
     * Kafka's storage formatted), so it runs outside the lock; a stop that began meanwhile may have
     * missed this part, so it is stopped here.
     */
    private void launchUnlessStopping(Component component) {
        if (stopping) {
            throw new PlatformException("the platform is stopping");
        }
        component.launch();
        if (stopping) {
            component.stop();
            throw new PlatformException("the platform is stopping");
        }
    }

    private Component create(Part part, Jars jars) {
        Path logs = config.logDirectory();
        Path log = logs.resolve(part.id() + ".log");
        Path data = config.dataDirectory();
        int port = config.port(part);
        return switch (part) {
            case POSTGRES -> new PostgresComponent(data.resolve("postgres"), port, log, run);
            case KAFKA -> new KafkaComponent(data.resolve("kafka"), port, config.kafkaControllerPort(),
                    jars.libraryClasspath(), config.environmentFor(part), log, run);
            case MONGO -> {
                Path standIn = jars.copy(part);
                yield new JvmComponent(part, () -> {
                    List<String> cmd = new ArrayList<>(List.of(Launch.JAVA, "-Xmx512m", "-XX:+UseSerialGC",
                            "-XX:TieredStopAtLevel=1", "-Xss512k", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
                    cmd.addAll(List.of("-cp", standIn + java.io.File.pathSeparator + jars.slf4jClasspath(),
                            "org.mastery.standin.MongoStandIn", "--host", "127.0.0.1", "--port", Integer.toString(port),
                            "--data", mongoDirectory().toString()));
                    return cmd;
                }, config.environmentFor(part), log, data, Readiness.port("127.0.0.1", port), run) {
                    @Override
                    protected void prepare() {
                        if (Files.exists(mongoDirectory().resolve("standin.mv"))) {
                            System.err.println("The read models in " + mongoDirectory() + " were kept by an older stand-in (standin.mv) "
                                    + "and are not read any more: start with --fresh to rebuild everything.");
                        }
                        try {
                            Files.createDirectories(mongoDirectory());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                };
            }
            default -> {
                jars.copy(part); // fails early if the part is not built
                java.util.concurrent.atomic.AtomicReference<Jars.SpringBootLaunch> launch = new java.util.concurrent.atomic.AtomicReference<>();
                yield new JvmComponent(part, () -> {
                    List<String> cmd = new ArrayList<>();
                    cmd.add(Launch.JAVA);
                    cmd.addAll(config.serviceJvmOptions());
                    cmd.addAll(launch.get().classDataSharingOptions());
                    cmd.add("-jar");
                    cmd.add(launch.get().jar().toString());
                    return cmd;
                }, config.environmentFor(part), log, data, Readiness.springBoot("http://127.0.0.1:" + port), run) {
                    @Override
                    protected void prepare() {
                        // a restart picks up a jar rebuilt since (this JVM is stopped); extraction runs once per jar
                        launch.set(jars.springBoot(part, config.classDataSharing()));
                    }

                    @Override
                    protected Duration stopGrace() {
                        // writing the class-data archive at exit takes a while on a busy machine
                        Jars.SpringBootLaunch current = launch.get();
                        return current != null && current.createsArchive() ? Duration.ofSeconds(150) : super.stopGrace();
                    }

                    @Override
                    protected void afterExit(boolean graceful) {
                        Jars.SpringBootLaunch current = launch.get();
                        if (current != null) {
                            current.afterExit(graceful);
                        }
                    }
                };
            }
        };
    }

    /** The stand-in's snapshot and journal of writes. */
    private Path mongoDirectory() {
        return config.dataDirectory().resolve("mongo");
    }

    private void refuseLeftovers() {
        List<String> alive = run.processes().values().stream()
                .filter(RunDirectory.PidRecord::isAlive)
                .map(r -> r.name() + " (pid " + r.pid() + ")")
                .toList();
        if (!alive.isEmpty()) {
            throw new PlatformException("processes of an earlier run still live: " + String.join(", ", alive)
                    + "; stop them with deploy/mastery down (MASTERY_HOME=" + config.dataDirectory() + ")");
        }
        run.processes().keySet().forEach(run::removePid);
    }

    private void requireFreePorts(List<Part> parts) {
        List<String> busy = new ArrayList<>();
        for (Part part : parts) {
            List<Integer> ports = new ArrayList<>(List.of(config.port(part)));
            if (part == Part.KAFKA) {
                ports.add(config.kafkaControllerPort());
            }
            for (int port : ports) {
                if (Readiness.port("127.0.0.1", port).isReady()) {
                    busy.add(part.id() + " " + port);
                }
            }
        }
        if (!busy.isEmpty()) {
            throw new PlatformException("ports already in use: " + String.join(", ", busy)
                    + "; is another platform or service running? (deploy/mastery status)");
        }
    }

    /** Deletes everything in the data directory except the copied jars and the lock held right now. */
    private void wipe() {
        Path data = config.dataDirectory();
        out.println("Starting fresh: wiping " + data);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.equals("jars") || name.equals("run")) {
                    continue;
                }
                deleteRecursively(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void warn(String warning) {
        warnings.add(warning);
        out.println("WARNING: " + warning);
    }

    private void writeState(String status) {
        Map<String, String> state = new LinkedHashMap<>();
        state.put("status", status);
        state.put("data", config.dataDirectory().toString());
        state.put("launcher.pid", Long.toString(ProcessHandle.current().pid()));
        state.put("started", startedAt.toString());
        if (timeToReady != null) {
            state.put("time-to-ready-ms", Long.toString(timeToReady.toMillis()));
        }
        for (Part part : Part.values()) {
            if (components.containsKey(part) || !config.starts(part) && config.parts().contains(part)) {
                state.put("endpoint." + part.id(), config.endpoint(part));
                state.put("external." + part.id(), Boolean.toString(!config.starts(part)));
                if (components.containsKey(part)) {
                    state.put("port." + part.id(), Integer.toString(config.port(part)));
                }
            }
        }
        run.writeState(state);
    }

    // ---------------------------------------------------------------- handles

    private Component component(String name) {
        Part part = Part.named(name);
        Component component = components.get(part);
        if (component == null) {
            throw new IllegalArgumentException(part.id() + " is not started by this platform");
        }
        return component;
    }

    /** The base URL of an HTTP part ({@code http://localhost:8080}) or the connection string of infrastructure. */
    public String url(Part part) {
        return config.endpoint(part);
    }

    public String url(String name) {
        return url(Part.named(name));
    }

    public int port(String name) {
        return config.port(Part.named(name));
    }

    /** {@code DATABASE_URL}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code MONGODB_URI}, {@code OIDC_ISSUER_URI} as the services get them. */
    public Map<String, String> infrastructure() {
        return Map.of("DATABASE_URL", config.databaseUrl(), "KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers(),
                "MONGODB_URI", config.mongoUri(), "OIDC_ISSUER_URI", config.issuerUri());
    }

    /** The parts this platform started (and may stop, kill and restart). */
    public List<Part> parts() {
        return List.copyOf(components.keySet());
    }

    public boolean isRunning(String name) {
        return component(name).isRunning();
    }

    public Optional<Long> pid(String name) {
        return component(name).pid();
    }

    /** Stops one part gracefully (SIGTERM; for PostgreSQL a fast shutdown). */
    public void stopProcess(String name) {
        Component component = component(name);
        component.stop();
        out.println("  " + component.part().id() + " stopped");
    }

    /** Kills one part with SIGKILL: no shutdown hooks, no flushing, like a crash. */
    public void kill9(String name) {
        Component component = component(name);
        component.kill9();
        out.println("  " + component.part().id() + " killed (SIGKILL)");
    }

    /** Starts one part again (stopping it first if it runs) on the same port and data, and waits until it is ready. */
    public void restart(String name) {
        Component component = component(name);
        if (component.isRunning()) {
            component.stop();
        }
        launchUnlessStopping(component);
        component.awaitReady(Instant.now().plus(config.readinessTimeout()));
        out.printf(Locale.ROOT, "  %-12s ready in %5.1f s (restarted)%n", component.part().id(),
                component.startupTime().orElse(Duration.ZERO).toMillis() / 1000.0);
    }

    /** From {@link #start} until every part was ready. */
    public Duration timeToReady() {
        return timeToReady;
    }

    /** From this JVM's start until every part was ready (what a person typing {@code deploy/mastery up} waits, less the script). */
    public Duration jvmToReady() {
        return jvmToReady;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** One line per part: name, endpoint, pid, time to ready, resident memory. */
    public record ProcessSummary(Part part, String endpoint, boolean external, List<Long> pids,
                                 Optional<Duration> startupTime, Optional<Duration> startupCpu, long rssBytes) {
    }

    public List<ProcessSummary> summary() {
        List<ProcessSummary> lines = new ArrayList<>();
        for (Part part : Part.values()) {
            Component component = components.get(part);
            if (component != null) {
                List<Long> pids = component.pids();
                lines.add(new ProcessSummary(part, config.endpoint(part), false, pids, component.startupTime(),
                        component.startupCpu(), ProcessStats.rssBytes(pids)));
            } else if (config.parts().contains(part) && !config.starts(part)) {
                lines.add(new ProcessSummary(part, config.endpoint(part), true, List.of(), Optional.empty(), Optional.empty(), 0));
            }
        }
        return lines;
    }

    /** Resident memory of every process the platform runs, plus this launcher JVM (shared pages counted in each process). */
    public long totalRssBytes() {
        return summary().stream().mapToLong(ProcessSummary::rssBytes).sum() + ProcessStats.rssBytes(ProcessHandle.current().pid());
    }

    /** The same processes' proportional set size: shared pages (PostgreSQL's buffers) counted once. */
    public long totalPssBytes() {
        long total = ProcessStats.pssBytes(ProcessHandle.current().pid());
        for (Component component : components.values()) {
            total += ProcessStats.pssBytes(component.pids());
        }
        return total;
    }

    /** The table {@code deploy/mastery up} prints once everything is ready. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (ProcessSummary line : summary()) {
            if (line.external()) {
                text.append(String.format(Locale.ROOT, "  %-12s %-52s external%n", line.part().id(), line.endpoint()));
            } else {
                text.append(String.format(Locale.ROOT, "  %-12s %-52s pid %-7s ready in %5.1f s%s  RSS %5d MiB%n",
                        line.part().id(), line.endpoint(),
                        line.pids().isEmpty() ? "-" : line.pids().get(0).toString(),
                        line.startupTime().orElse(Duration.ZERO).toMillis() / 1000.0,
                        line.startupCpu().map(cpu -> String.format(Locale.ROOT, " (%5.1f s CPU)", cpu.toMillis() / 1000.0)).orElse("              "),
                        line.rssBytes() / (1024 * 1024)));
            }
        }
        long launcher = ProcessStats.rssBytes(ProcessHandle.current().pid());
        long total = totalRssBytes();
        long processes = summary().stream().mapToLong(s -> s.pids().size()).sum() + 1;
        text.append(String.format(Locale.ROOT, "  %-12s %-52s pid %-7d RSS %5d MiB%n", "launcher", "(this JVM)",
                ProcessHandle.current().pid(), launcher / (1024 * 1024)));
        double cpu = summary().stream().mapToLong(s -> s.startupCpu().orElse(Duration.ZERO).toMillis()).sum() / 1000.0;
        text.append(String.format(Locale.ROOT, "Ready in %.1f s (%.1f s from the launcher JVM's start; %.0f s of CPU to start the JVMs, "
                        + "%d cores); %d processes, %.2f GiB RSS in all (%.2f GiB PSS, shared pages counted once)%n",
                timeToReady.toMillis() / 1000.0, jvmToReady.toMillis() / 1000.0, cpu, Runtime.getRuntime().availableProcessors(),
                processes, total / (1024.0 * 1024 * 1024), totalPssBytes() / (1024.0 * 1024 * 1024)));
        return text.toString();
    }

    /** Whether {@link #stop} has begun (processes ending now are expected to). */
    public boolean isStopping() {
        return stopping;
    }

    /** Parts whose process ended although nobody stopped it, with their exit codes (the launcher reports these). */
    Map<Part, Integer> exited() {
        Map<Part, Integer> exited = new EnumMap<>(Part.class);
        components.forEach((part, component) -> {
            if (component instanceof JvmComponent jvm) {
                jvm.exitCode().ifPresent(code -> exited.put(part, code));
            }
        });
        return exited;
    }

    // ---------------------------------------------------------------- stop

    /** Stops everything: gateway, then identity provider and services together, then the stand-in, Kafka and PostgreSQL. */
    public void stop() {
        synchronized (lifecycle) {
            if (stopping) {
                // another thread (the shutdown hook, or a failed start) is stopping: wait for it
                while (!stopped) {
                    try {
                        lifecycle.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                return;
            }
            stopping = true;
        }
        try {
            if (!components.isEmpty()) {
                writeStateQuietly("stopping");
            }
            stopTogether(Part.GATEWAY);
            stopTogether(Part.IDENTITY, Part.CURRICULUM, Part.ASSESSMENT, Part.PROGRESSION, Part.REPORTING);
            stopTogether(Part.MONGO);
            stopTogether(Part.KAFKA);
            stopTogether(Part.POSTGRES);
        } finally {
            if (startedAt != null && lock != null) {
                writeStateQuietly("stopped");
                run.removePid(RunDirectory.LAUNCHER);
                lock.close();
            }
            try {
                if (Thread.currentThread() != shutdownHook) {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                }
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the JVM is already shutting down, or the hook was never added
            }
            synchronized (lifecycle) {
                stopped = true;
                lifecycle.notifyAll();
            }
        }
    }

    private void stopTogether(Part... parts) {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Part part : parts) {
            Component component = components.get(part);
            if (component != null && component.isRunning()) {
                stopping.add(CompletableFuture.runAsync(() -> {
                    component.stop();
                    out.println("  " + part.id() + " stopped");
                }, WORKERS));
            } else if (component != null) {
                run.removePid(part.id());
            }
        }
        stopping.forEach(f -> {
            try {
                f.join();
            } catch (CompletionException e) {
                out.println("WARNING: " + e.getCause());
            }
        });
    }

    private void writeStateQuietly(String status) {
        try {
            writeState(status);
        } catch (RuntimeException e) {
            // the data directory may be gone (a test's temp dir); nothing to report to
        }
    }

    @Override
    public void close() {
        stop();
    }
}

package org.mastery.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real PostgreSQL 17 server from zonky's binaries, its data directory under {@code <data>/postgres}
 * (initialised on first start, kept afterwards), on 127.0.0.1 only.
 *
 * <p>zonky runs {@code pg_ctl start}, so the postmaster is a process of its own (and in a session of
 * its own: a Ctrl-C reaches only the launcher). zonky's defaults keep {@code fsync} and
 * {@code synchronous_commit} off: the data survive any process crash, including kill -9 of every
 * process, but not a power loss. Use {@code DATABASE_URL} for a durable server.
 */
final class PostgresComponent implements Component {

    private final Path dataDirectory;
    private final int port;
    private final Path log;
    private final RunDirectory run;

    private EmbeddedPostgres postgres;
    private Instant launchedAt;
    private Duration startupTime;

    PostgresComponent(Path dataDirectory, int port, Path log, RunDirectory run) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.log = log;
        this.run = run;
    }

    @Override
    public Part part() {
        return Part.POSTGRES;
    }

    @Override
    public synchronized void launch() {
        if (isRunning()) {
            throw new PlatformException("postgres is already running");
        }
        JvmComponent.rotate(log);
        launchedAt = Instant.now();
        startupTime = null;
        try {
            Files.createDirectories(dataDirectory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false) // the launcher stops it, after the services
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            // pg_ctl may have started a postmaster before zonky gave up: leave nothing behind
            pid().flatMap(ProcessHandle::of).ifPresent(PostgresComponent::fastShutdown);
            postgres = null;
            throw new PlatformException("could not start PostgreSQL on port " + port + ": " + e
                    + "; the end of " + log + ":\n" + JvmComponent.tail(log, 25), e);
        }
        startupTime = Duration.between(launchedAt, Instant.now());
        pid().ifPresent(pid -> run.writePid(part().id(), pid));
    }

    @Override
    public void awaitReady(Instant deadline) {
        // zonky's start() returns once the server accepts connections
        if (!isRunning()) {
            throw new PlatformException("postgres is not running; the end of " + log + ":\n" + JvmComponent.tail(log, 25));
        }
    }

    @Override
    public synchronized void stop() {
        Optional<ProcessHandle> postmaster = pid().flatMap(ProcessHandle::of);
        if (postgres != null) {
            try {
                // pg_ctl stop -m fast -t 5, then zonky releases its lock on the data directory
                postgres.close();
            } catch (IOException e) {
                // logged by zonky; the postmaster is gone or going
            }
            postgres = null;
        }
        // pg_ctl waits 5 s at most: on a busy machine the postmaster may still be writing its checkpoint
        postmaster.ifPresent(h -> {
            try {
                h.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                fastShutdown(h);
            }
        });
        run.removePid(part().id());
    }

    @Override
    public synchronized void kill9() {
        Optional<Long> pid = pid();
        pid.flatMap(ProcessHandle::of).ifPresent(h -> {
            h.destroyForcibly();
            try {
                h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by isRunning()
            }
        });
        // releases the data directory lock; pg_ctl finds no server, which zonky only logs
        stop();
    }

    /** SIGINT is PostgreSQL's fast shutdown; SIGKILL if it does not end within 30 s. */
    static void fastShutdown(ProcessHandle postmaster) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).start();
            kill.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            postmaster.destroyForcibly();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return postgres != null && pid().isPresent();
    }

    /** The postmaster's pid, from {@code postmaster.pid}, if that process is alive. */
    @Override
    public Optional<Long> pid() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
            long pid = Long.parseLong(first);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(h -> pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pid().flatMap(ProcessHandle::of).ifPresent(h -> {
            pids.add(h.pid());
            h.descendants().forEach(d -> pids.add(d.pid()));
        });
        return pids;
    }

    @Override
    public synchronized Optional<Duration> startupTime() {
        return Optional.ofNullable(startupTime);
    }
}

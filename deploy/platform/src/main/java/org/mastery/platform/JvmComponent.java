package org.mastery.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A part that runs as a JVM of its own: its output goes to {@code <data>/logs/<part>.log} (the
 * previous run's log is kept as {@code <part>.log.1}), its pid to {@code <data>/run/<part>.pid}.
 *
 * <p>Where {@code setsid} exists the JVM gets a session of its own, so a Ctrl-C in the terminal
 * reaches only the launcher, which then stops the parts in order (services before infrastructure).
 */
class JvmComponent implements Component {

    static final Duration GRACE = Duration.ofSeconds(30);

    private final Part part;
    private final Supplier<List<String>> command;
    private final Map<String, String> environment;
    private final Path log;
    private final Path workingDirectory;
    private final Readiness readiness;
    private final RunDirectory run;

    private Process process;
    private Instant launchedAt;
    private Duration startupTime;
    private Duration startupCpu;

    JvmComponent(Part part, Supplier<List<String>> command, Map<String, String> environment, Path log,
                 Path workingDirectory, Readiness readiness, RunDirectory run) {
        this.part = part;
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.workingDirectory = workingDirectory;
        this.readiness = readiness;
        this.run = run;
    }

    @Override
    public Part part() {
        return part;
    }

    /** Runs before each launch (Kafka writes its configuration and formats its storage here). */
    protected void prepare() {
    }

    @Override
    public synchronized void launch() {
        if (process != null && process.isAlive()) {
            throw new PlatformException(part.id() + " is already running (pid " + process.pid() + ")");
        }
        prepare();
        rotate(log);
        List<String> cmd = new ArrayList<>();
        if (Launch.SETSID != null) {
            cmd.add(Launch.SETSID);
        }
        cmd.addAll(command.get());
        ProcessBuilder builder = new ProcessBuilder(cmd)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(environment);
        try {
            launchedAt = Instant.now();
            startupTime = null;
            startupCpu = null;
            process = builder.start();
        } catch (IOException e) {
            throw new PlatformException("could not launch " + part.id() + ": " + e.getMessage(), e);
        }
        run.writePid(part.id(), process.pid());
    }

    @Override
    public void awaitReady(Instant deadline) {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p == null) {
            throw new PlatformException(part.id() + " was never launched");
        }
        while (true) {
            if (!p.isAlive()) {
                throw new PlatformException(part.id() + " exited with code " + p.exitValue() + " while starting; "
                        + "the end of " + log + ":\n" + tail(log, 25));
            }
            if (readiness.isReady()) {
                synchronized (this) {
                    if (p == process) {
                        startupTime = Duration.between(launchedAt, Instant.now());
                        startupCpu = ProcessStats.cpuTime(p.pid());
                    }
                }
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new PlatformException(part.id() + " was not ready in time; the end of " + log + ":\n" + tail(log, 25));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformException("interrupted while waiting for " + part.id());
            }
        }
    }

    @Override
    public void stop() {
        Process p;
        synchronized (this) {
            p = process;
        }
        boolean graceful = true;
        if (p != null && p.isAlive()) {
            p.destroy(); // SIGTERM: Spring's graceful shutdown, Kafka's controlled shutdown
            try {
                if (!p.waitFor(stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                    graceful = false;
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                graceful = false;
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (p != null) {
            afterExit(graceful);
        }
        run.removePid(part.id());
    }

    /** How long a SIGTERM may take before SIGKILL follows. */
    protected Duration stopGrace() {
        return GRACE;
    }

    /** Runs once the process has ended ({@code graceful}: on its own after SIGTERM, not killed). */
    protected void afterExit(boolean graceful) {
    }

    @Override
    public void kill9() {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (p != null && p.isAlive()) {
            p.destroyForcibly(); // SIGKILL on Unix
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (p != null) {
            afterExit(false);
        }
        run.removePid(part.id());
    }

    @Override
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized Optional<Long> pid() {
        return process != null && process.isAlive() ? Optional.of(process.pid()) : Optional.empty();
    }

    @Override
    public synchronized Optional<Duration> startupTime() {
        return Optional.ofNullable(startupTime);
    }

    @Override
    public synchronized Optional<Duration> startupCpu() {
        return Optional.ofNullable(startupCpu);
    }

    /** The exit code if the process has ended, for the launcher's watch. */
    synchronized Optional<Integer> exitCode() {
        return process != null && !process.isAlive() ? Optional.of(process.exitValue()) : Optional.empty();
    }

    Path log() {
        return log;
    }

    static void rotate(Path log) {
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log)";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}

package org.mastery.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The command line behind {@code deploy/mastery}: {@code up}, {@code down}, {@code status}.
 *
 * <pre>
 * up [--fresh] [--no-demo] [--only PART,…] [--without PART,…] [--port-offset N] [--jar PART=PATH]… [--no-cds]
 * down
 * status
 * common: --repo DIR (the repository root, default: the current directory)
 *         --home DIR (the data directory, default: $MASTERY_HOME or REPO/.mastery)
 * </pre>
 */
public final class Mastery {

    /** Where the demo district loader (another module's work) is looked for. */
    static final String DEMO_JAR = "deploy/demo-district/target/demo-district.jar";
    static final String DEMO_MARKER = "demo-district.loaded";

    private final PrintStream out;
    private final Map<String, String> env;

    Mastery(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    public static void main(String[] args) {
        // the launcher's own logging (zonky's) stays quiet; each part logs to <data>/logs/
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int code = new Mastery(System.out, System.getenv()).run(args);
        System.exit(code);
    }

    /** Options common to every command. */
    record Options(String command, Path repository, Path home, boolean fresh, boolean demo, Set<Part> only,
                   Set<Part> without, int portOffset, Map<Part, Path> jars, boolean classDataSharing) {
    }

    Options parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        String command = args[0];
        Path repository = Path.of("").toAbsolutePath();
        Path home = null;
        boolean fresh = false;
        boolean demo = true;
        boolean cds = true;
        Set<Part> only = EnumSet.noneOf(Part.class);
        Set<Part> without = EnumSet.noneOf(Part.class);
        int offset = 0;
        Map<Part, Path> jars = new java.util.EnumMap<>(Part.class);
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--repo" -> repository = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--home" -> home = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--fresh" -> fresh = true;
                case "--no-demo" -> demo = false;
                case "--no-cds" -> cds = false;
                case "--only" -> only.addAll(parts(value(args, ++i, arg)));
                case "--without" -> without.addAll(parts(value(args, ++i, arg)));
                case "--port-offset" -> offset = Integer.parseInt(value(args, ++i, arg));
                case "--jar" -> {
                    String[] partAndPath = value(args, ++i, arg).split("=", 2);
                    if (partAndPath.length != 2) {
                        throw new IllegalArgumentException("--jar takes PART=PATH");
                    }
                    jars.put(Part.named(partAndPath[0]), Path.of(partAndPath[1]).toAbsolutePath());
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (home == null) {
            String fromEnv = env.get("MASTERY_HOME");
            home = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv).toAbsolutePath() : repository.resolve(".mastery");
        }
        return new Options(command, repository, home, fresh, demo, only, without, offset, jars, cds);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Set<Part> parts(String list) {
        Set<Part> parts = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                parts.add(Part.named(name));
            }
        }
        return parts;
    }

    int run(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            out.println("deploy/mastery: " + e.getMessage());
            usage();
            return 2;
        }
        try {
            return switch (options.command()) {
                case "up" -> up(options);
                case "down" -> down(options.home());
                case "status" -> status(options.home());
                default -> {
                    out.println("deploy/mastery: unknown command " + options.command());
                    usage();
                    yield 2;
                }
            };
        } catch (PlatformException e) {
            out.println("ERROR: " + e.getMessage());
            return 1;
        }
    }

    private void usage() {
        out.println("usage: deploy/mastery up [--fresh] [--no-demo] [--only PART,...] [--without PART,...] [--port-offset N] [--jar PART=PATH] [--no-cds]");
        out.println("       deploy/mastery down");
        out.println("       deploy/mastery status");
        out.println("parts: postgres, kafka, mongo, identity, curriculum, assessment, progression, reporting, gateway");
        out.println("data:  $MASTERY_HOME (default: .mastery/ at the repository root)");
    }

    // ---------------------------------------------------------------- up

    PlatformConfig config(Options options) {
        PlatformConfig.Builder builder = PlatformConfig.fromEnvironment(options.repository(), options.home(), env)
                .fresh(options.fresh())
                .portOffset(options.portOffset())
                .classDataSharing(options.classDataSharing())
                .out(out);
        if (!options.only().isEmpty()) {
            builder.only(options.only());
        }
        builder.without(options.without().toArray(Part[]::new));
        options.jars().forEach(builder::jar);
        return builder.build();
    }

    int up(Options options) {
        PlatformConfig config = config(options);
        out.println("Starting Mastery (data: " + config.dataDirectory() + ", logs: " + config.logDirectory() + ")"
                + loadAverage().map(l -> "; " + Runtime.getRuntime().availableProcessors() + " cores, load average " + l).orElse(""));
        for (Part part : Part.values()) {
            if (config.parts().contains(part) && !config.starts(part)) {
                out.println("  " + part.id() + ": external, " + config.endpoint(part));
            }
        }
        Platform platform = Platform.start(config);
        out.println();
        out.print(platform.describe());
        loadAverage().ifPresent(l -> out.println("Load average now " + l + "."));
        out.println();
        printUrls(platform);
        if (options.demo()) {
            loadDemo(platform);
        } else {
            out.println("Demo district skipped (--no-demo).");
        }
        out.println();
        out.println("Stop with Ctrl-C here, or deploy/mastery down from another shell.");
        watch(platform);
        return 0;
    }

    /** The 1-minute load average (Linux), printed beside timings: other work on the machine slows every start. */
    static Optional<String> loadAverage() {
        try {
            return Optional.of(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private void printUrls(Platform platform) {
        List<Part> parts = platform.parts();
        out.println("Mastery is up:");
        if (parts.contains(Part.GATEWAY)) {
            String gateway = platform.url(Part.GATEWAY);
            out.println("  API (gateway)      " + gateway + "/api/...");
            out.println("  Swagger UI         " + gateway + "/swagger-ui.html");
            out.println("  Health             " + gateway + "/actuator/health");
        }
        for (Part part : parts) {
            if (part.kind() == Part.Kind.SERVICE) {
                out.printf(Locale.ROOT, "  %-18s %s%n", part.id() + "-service", platform.url(part));
            }
        }
        if (parts.contains(Part.IDENTITY)) {
            String issuer = platform.url(Part.IDENTITY);
            out.println("  Identity provider  " + issuer + "  (login: demo-teacher / demo; scripts: POST " + issuer + "/dev/token)");
        }
        out.println("  Logs               " + platform.config().logDirectory());
    }

    /** The hook for the demo district: runs its loader once per data directory, if it is built. */
    void loadDemo(Platform platform) {
        PlatformConfig config = platform.config();
        Path marker = config.dataDirectory().resolve(DEMO_MARKER);
        Path jar = config.repository().resolve(DEMO_JAR);
        if (Files.exists(marker)) {
            out.println("Demo district: already loaded into this data directory (--fresh starts empty).");
            return;
        }
        if (!Files.isRegularFile(jar)) {
            out.println("Demo district: no demo loader is built yet (" + DEMO_JAR + "); the system starts empty.");
            return;
        }
        Path copy = config.jarDirectory().resolve("demo-district.jar");
        Jars.copyIfChanged(jar, copy);
        Path log = config.logDirectory().resolve("demo-district.log");
        out.println("Demo district: loading (log: " + log + ") ...");
        ProcessBuilder builder = new ProcessBuilder(Launch.JAVA, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", copy.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> demoEnv = builder.environment();
        demoEnv.putAll(platform.infrastructure());
        demoEnv.put("MASTERY_HOME", config.dataDirectory().toString());
        demoEnv.put("MASTERY_GATEWAY_URL", platform.parts().contains(Part.GATEWAY) ? platform.url(Part.GATEWAY) : "");
        demoEnv.put("MASTERY_IDENTITY_URL", config.issuerUri());
        for (Part part : Part.values()) {
            if (part.kind() == Part.Kind.SERVICE) {
                demoEnv.put(part.id().toUpperCase(Locale.ROOT) + "_SERVICE_URL", platform.url(part));
            }
        }
        Instant start = Instant.now();
        try {
            Process process = builder.start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                out.println("WARNING: the demo district loader did not finish in 15 minutes; see " + log);
                return;
            }
            if (process.exitValue() != 0) {
                out.println("WARNING: the demo district loader failed (exit " + process.exitValue() + "); see " + log);
                return;
            }
            Files.writeString(marker, Instant.now() + "\n");
            out.printf(Locale.ROOT, "Demo district: loaded in %.1f s.%n", Duration.between(start, Instant.now()).toMillis() / 1000.0);
        } catch (IOException e) {
            out.println("WARNING: could not run the demo district loader: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stays in the foreground, reporting any part whose process ends unexpectedly, until the JVM is asked to stop. */
    private void watch(Platform platform) {
        Set<Part> reported = EnumSet.noneOf(Part.class);
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                if (never.await(2, TimeUnit.SECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (platform.isStopping()) {
                continue;
            }
            platform.exited().forEach((part, code) -> {
                if (reported.add(part)) {
                    out.println("WARNING: " + part.id() + " exited (code " + code + "); see "
                            + platform.config().logDirectory().resolve(part.id() + ".log"));
                }
            });
            platform.parts().stream().filter(p -> platform.isRunning(p.id())).forEach(reported::remove);
        }
    }

    // ---------------------------------------------------------------- down

    /** Stop order for processes left without their launcher. */
    private static final List<List<Part>> STOP_ORDER = List.of(
            List.of(Part.GATEWAY),
            List.of(Part.IDENTITY, Part.CURRICULUM, Part.ASSESSMENT, Part.PROGRESSION, Part.REPORTING),
            List.of(Part.MONGO), List.of(Part.KAFKA), List.of(Part.POSTGRES));

    int down(Path home) {
        RunDirectory run = new RunDirectory(home);
        boolean stoppedSomething = false;
        Optional<ProcessHandle> launcher = run.read(RunDirectory.LAUNCHER).flatMap(RunDirectory.PidRecord::process);
        if (launcher.isPresent() && launcher.get().pid() != ProcessHandle.current().pid()) {
            out.println("Stopping Mastery (launcher pid " + launcher.get().pid() + ", data " + home + ") ...");
            launcher.get().destroy(); // SIGTERM: the launcher stops services first, then infrastructure
            try {
                launcher.get().onExit().get(300, TimeUnit.SECONDS);
            } catch (Exception e) {
                out.println("WARNING: the launcher did not stop within 300 s; stopping its processes directly");
            }
            stoppedSomething = true;
        }
        for (List<Part> group : STOP_ORDER) {
            List<ProcessHandle> stopping = new ArrayList<>();
            for (Part part : group) {
                Optional<RunDirectory.PidRecord> record = run.read(part.id());
                Optional<ProcessHandle> process = record.flatMap(RunDirectory.PidRecord::process);
                if (process.isPresent()) {
                    out.println("  stopping " + part.id() + " (pid " + process.get().pid() + ", left without its launcher)");
                    signalStop(part, process.get());
                    stopping.add(process.get());
                }
                run.removePid(part.id());
            }
            for (ProcessHandle process : stopping) {
                try {
                    process.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    process.destroyForcibly();
                }
            }
            stoppedSomething |= !stopping.isEmpty();
        }
        if (run.read(RunDirectory.LAUNCHER).filter(RunDirectory.PidRecord::isAlive).isEmpty()) {
            run.removePid(RunDirectory.LAUNCHER);
        }
        out.println(stoppedSomething ? "Mastery stopped." : "Mastery is not running (data: " + home + ").");
        return 0;
    }

    private static void signalStop(Part part, ProcessHandle process) {
        if (part == Part.POSTGRES) {
            // SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for clients to leave)
            try {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
                if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
                    return;
                }
            } catch (IOException e) {
                // fall through
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.destroy();
    }

    // ---------------------------------------------------------------- status

    int status(Path home) {
        RunDirectory run = new RunDirectory(home);
        Map<String, String> state = run.readState();
        Optional<RunDirectory.PidRecord> launcher = run.read(RunDirectory.LAUNCHER).filter(RunDirectory.PidRecord::isAlive);
        Map<String, RunDirectory.PidRecord> processes = run.processes();
        boolean anyAlive = processes.values().stream().anyMatch(RunDirectory.PidRecord::isAlive);
        if (launcher.isEmpty() && !anyAlive) {
            out.println("Mastery is not running (data: " + home + ").");
            return 3;
        }
        if (launcher.isPresent()) {
            out.println("Mastery is " + state.getOrDefault("status", "running") + " (launcher pid " + launcher.get().pid()
                    + ", started " + state.getOrDefault("started", "?")
                    + Optional.ofNullable(state.get("time-to-ready-ms")).map(ms -> String.format(Locale.ROOT,
                    ", ready in %.1f s", Long.parseLong(ms) / 1000.0)).orElse("")
                    + "; data " + home + ")");
        } else {
            out.println("Mastery's launcher is gone but some of its processes still run; stop them with deploy/mastery down.");
        }
        long total = launcher.map(l -> ProcessStats.rssBytes(l.pid())).orElse(0L);
        for (Part part : Part.values()) {
            String endpoint = state.getOrDefault("endpoint." + part.id(), "");
            if (Boolean.parseBoolean(state.getOrDefault("external." + part.id(), "false"))) {
                out.printf(Locale.ROOT, "  %-12s %-9s %s%n", part.id(), "external", endpoint);
                continue;
            }
            Optional<ProcessHandle> process = Optional.ofNullable(processes.get(part.id())).flatMap(RunDirectory.PidRecord::process);
            if (process.isPresent()) {
                List<Long> pids = new ArrayList<>();
                pids.add(process.get().pid());
                if (part == Part.POSTGRES) {
                    process.get().descendants().forEach(d -> pids.add(d.pid()));
                }
                long rss = ProcessStats.rssBytes(pids);
                total += rss;
                out.printf(Locale.ROOT, "  %-12s %-9s pid %-7d RSS %5d MiB  %-45s %s%n", part.id(), "running",
                        process.get().pid(), rss / (1024 * 1024), endpoint, answer(part, state));
            } else if (!endpoint.isEmpty()) {
                out.printf(Locale.ROOT, "  %-12s %-9s %s%n", part.id(), "stopped", endpoint);
            }
        }
        out.printf(Locale.ROOT, "  %.2f GiB RSS in all%n", total / (1024.0 * 1024 * 1024));
        return launcher.isPresent() ? 0 : 1;
    }

    /** Whether a running part answers: readiness for HTTP parts, the port for infrastructure. */
    private static String answer(Part part, Map<String, String> state) {
        String port = state.get("port." + part.id());
        if (port == null) {
            return "";
        }
        boolean ready = part.isSpringBoot()
                ? Readiness.springBoot("http://127.0.0.1:" + port).isReady()
                : Readiness.port("127.0.0.1", Integer.parseInt(port)).isReady();
        return ready ? "ready" : "not ready";
    }
}

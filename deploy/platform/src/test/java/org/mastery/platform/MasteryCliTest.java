package org.mastery.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/mastery up/status/down} as a person uses them: the launcher runs as a process of its
 * own (like {@code up} in one terminal), and {@code status}/{@code down} come from elsewhere (another
 * shell). PostgreSQL and the stand-in only, to keep it quick; the whole system is measured by hand.
 */
class MasteryCliTest {

    Path home;
    Path launcherOutput;
    int offset;
    final List<Process> launchers = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createTempDirectory("mastery-cli");
        launcherOutput = Files.createTempFile("mastery-launcher", ".out"); // outside the data directory, which --fresh wipes
        offset = TestPlatforms.freeOffset();
    }

    @AfterEach
    void tearDown() throws Exception {
        cli("down"); // whatever a failed test left running
        for (Process launcher : launchers) {
            launcher.destroyForcibly();
        }
        Platform.deleteRecursively(home);
        Files.deleteIfExists(launcherOutput);
    }

    @Test
    void up_status_down_from_another_shell_and_data_kept_across_restarts() throws Exception {
        Process first = up();
        Result status = cli("status");
        assertThat(status.code()).isZero();
        assertThat(status.output()).contains("Mastery is up").containsPattern("postgres +running +pid").containsPattern("mongo +running +pid")
                .contains("ready").contains("GiB RSS in all");
        assertThat(status.output()).doesNotContain("kafka ").doesNotContain("gateway ");

        Result again = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> cli("up", "--only", "postgres,mongo", "--no-demo",
                "--port-offset", Integer.toString(TestPlatforms.freeOffset())));
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.output()).contains("already running");

        try (Connection c = postgres(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (id int)");
        }
        Map<String, RunDirectory.PidRecord> processes = new RunDirectory(home).processes();
        assertThat(processes).containsOnlyKeys("mongo", "postgres");

        Result down = cli("down");
        assertThat(down.code()).isZero();
        assertThat(down.output()).contains("Mastery stopped.");
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        String log = Files.readString(launcherOutput);
        assertThat(log.indexOf("mongo stopped")).as("services and the stand-in stop before PostgreSQL")
                .isPositive().isLessThan(log.indexOf("postgres stopped"));
        processes.values().forEach(r -> assertThat(r.isAlive()).as(r.name()).isFalse());
        assertPortsFree();
        assertThat(cli("status").code()).isEqualTo(3);

        up();
        try (Connection c = postgres(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'kept'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("the table survived the restart").isEqualTo(1);
        }
        cli("down");
    }

    @Test
    void ctrl_c_stops_everything_in_order() throws Exception {
        Process launcher = up();
        Map<String, RunDirectory.PidRecord> processes = new RunDirectory(home).processes();

        new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor();

        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(launcherOutput);
        assertThat(log.indexOf("mongo stopped")).isPositive().isLessThan(log.indexOf("postgres stopped"));
        processes.values().forEach(r -> assertThat(r.isAlive()).as(r.name()).isFalse());
        assertPortsFree();
        assertThat(new RunDirectory(home).processes()).isEmpty();
    }

    @Test
    void fresh_starts_empty_and_down_stops_what_a_killed_launcher_left() throws Exception {
        up();
        try (Connection c = postgres(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (id int)");
        }
        cli("down");

        Process launcher = up("--fresh");
        try (Connection c = postgres(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'kept'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("--fresh wiped the database").isZero();
        }
        Map<String, RunDirectory.PidRecord> processes = new RunDirectory(home).processes();

        launcher.destroyForcibly().waitFor(); // kill -9: no shutdown hook, the parts live on
        processes.values().forEach(r -> assertThat(r.isAlive()).as(r.name() + " outlives its launcher").isTrue());
        Result status = cli("status");
        assertThat(status.code()).isEqualTo(1);
        assertThat(status.output()).contains("launcher is gone");
        Result refused = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> cli("up", "--only", "postgres,mongo", "--no-demo", "--port-offset", Integer.toString(offset)));
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.output()).contains("still live");

        Result down = cli("down");
        assertThat(down.output()).contains("left without its launcher").contains("Mastery stopped.");
        processes.values().forEach(r -> assertThat(r.isAlive()).as(r.name()).isFalse());
        assertPortsFree();
    }

    // ------------------------------------------------------------------------------------------

    record Result(int code, String output) {
    }

    /** {@code deploy/mastery <args>} in this JVM (as another shell would run it). */
    Result cli(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString(), "--repo", TestPlatforms.repository().toString()));
        TestPlatforms.jarOnClasspath("mongo-standin").ifPresent(jar -> {
            if (args[0].equals("up")) {
                all.addAll(List.of("--jar", "mongo=" + jar));
            }
        });
        int code = new Mastery(new PrintStream(bytes, true, StandardCharsets.UTF_8), Map.of()).run(all.toArray(String[]::new));
        return new Result(code, bytes.toString(StandardCharsets.UTF_8));
    }

    /** {@code deploy/mastery up --only postgres,mongo} as a process of its own; returns once it printed that it is up. */
    Process up(String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Launch.JAVA, "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Mastery.class.getName(),
                "up", "--only", "postgres,mongo", "--no-demo", "--port-offset", Integer.toString(offset),
                "--home", home.toString(), "--repo", TestPlatforms.repository().toString()));
        TestPlatforms.jarOnClasspath("mongo-standin").ifPresent(jar -> cmd.addAll(List.of("--jar", "mongo=" + jar)));
        cmd.addAll(List.of(extra));
        Path out = launcherOutput;
        Files.writeString(out, "");
        Process launcher = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        launchers.add(launcher);
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            String text = Files.exists(out) ? Files.readString(out) : "";
            if (text.contains("Stop with Ctrl-C")) {
                assertThat(text).contains("Mastery is up").contains("Demo district skipped");
                return launcher;
            }
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher exited with " + launcher.exitValue() + ":\n" + text);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the launcher was not up in time:\n" + Files.readString(out));
    }

    private Connection postgres() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Part.POSTGRES.port(offset) + "/postgres", "postgres", "");
    }

    private void assertPortsFree() {
        assertThat(Readiness.port("127.0.0.1", Part.POSTGRES.port(offset)).isReady()).as("postgres port").isFalse();
        assertThat(Readiness.port("127.0.0.1", Part.MONGO.port(offset)).isReady()).as("mongo port").isFalse();
    }
}

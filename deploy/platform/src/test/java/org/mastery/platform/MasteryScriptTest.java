package org.mastery.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/mastery} itself (the bash script), in a scratch copy of the repository layout with a
 * stand-in {@code ./mvnw} that only records how it was called.
 */
class MasteryScriptTest {

    @TempDir
    Path repo;
    Path home;

    @BeforeEach
    void layout() throws Exception {
        Files.createDirectories(repo.resolve("deploy"));
        Files.copy(TestPlatforms.repository().resolve("deploy/mastery"), repo.resolve("deploy/mastery"));
        Files.writeString(repo.resolve("mvnw"), "#!/usr/bin/env bash\necho \"$PWD $*\" >> \"$(dirname \"$0\")/mvnw-calls\"\n");
        Files.setPosixFilePermissions(repo.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        home = repo.resolve("home");
    }

    record Run(int code, String output) {
    }

    Run mastery(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", repo.resolve("deploy/mastery").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().put("MASTERY_HOME", home.toString());
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }

    @Test
    void up_builds_what_is_missing_from_the_repository_root() throws Exception {
        Run run = mastery("up", "--no-demo");

        assertThat(run.output()).contains("Building what is missing").contains("deploy/platform/target/platform.jar")
                .contains("curriculum-service/target/curriculum-service.jar").contains("gateway/target/gateway.jar");
        assertThat(Files.readString(repo.resolve("mvnw-calls")).trim()).isEqualTo(repo + " -q -B -DskipTests install");
        assertThat(run.code()).as("nothing was really built here").isEqualTo(1);
        assertThat(run.output()).contains("the launcher is not built");
    }

    @Test
    void up_builds_nothing_when_everything_is_built_and_runs_the_launcher_from_a_copy() throws Exception {
        for (String jar : List.of("deploy/platform/target/platform.jar", "deploy/platform/target/lib/x-1.0.jar",
                "deploy/mongo-standin/target/mongo-standin-0.1.0-SNAPSHOT.jar",
                "deploy/dev-identity-provider/target/dev-identity-provider.jar",
                "curriculum-service/target/curriculum-service.jar", "assessment-service/target/assessment-service.jar",
                "progression-service/target/progression-service.jar", "reporting-service/target/reporting-service.jar",
                "gateway/target/gateway.jar")) {
            Files.createDirectories(repo.resolve(jar).getParent());
            Files.writeString(repo.resolve(jar), "not really a jar");
        }

        Run run = mastery("up", "--no-demo");

        assertThat(repo.resolve("mvnw-calls")).doesNotExist();
        assertThat(run.output()).doesNotContain("Building");
        assertThat(home.resolve("jars/platform.jar")).exists();
        assertThat(home.resolve("jars/lib/x-1.0.jar")).exists();
        // the stand-in jar is no launcher: java refuses it, which shows the script got as far as running it
        assertThat(run.output()).contains("org.mastery.platform.Mastery");
    }

    @Test
    void up_refuses_while_a_launcher_runs_and_builds_nothing() throws Exception {
        Files.createDirectories(home.resolve("run"));
        Files.writeString(home.resolve("run/launcher.pid"), ProcessHandle.current().pid() + " 0\n");

        Run run = mastery("up");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.output()).contains("already running (launcher pid " + ProcessHandle.current().pid());
        assertThat(repo.resolve("mvnw-calls")).doesNotExist();
    }

    @Test
    void status_and_down_with_nothing_built_or_running() throws Exception {
        Run status = mastery("status");
        Run down = mastery("down");

        assertThat(status.code()).isEqualTo(3);
        assertThat(status.output()).contains("Mastery is not running");
        assertThat(down.code()).isZero();
        assertThat(repo.resolve("mvnw-calls")).doesNotExist();
    }

    @Test
    void unknown_commands_print_the_usage() throws Exception {
        Run run = mastery("restart");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.output()).contains("deploy/mastery up [--fresh] [--no-demo]");
    }
}

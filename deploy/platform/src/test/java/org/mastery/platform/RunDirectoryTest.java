package org.mastery.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {

    @TempDir
    Path data;

    @Test
    void one_launcher_per_data_directory() {
        RunDirectory run = new RunDirectory(data);
        try (RunDirectory.Lock lock = run.lock()) {
            assertThat(run.isLocked()).isTrue();
            assertThatThrownBy(() -> new RunDirectory(data).lock()).isInstanceOf(PlatformException.class)
                    .hasMessageContaining("already running");
            assertThat(run.isLocked()).as("probing does not drop the lock").isTrue();
        }
        assertThat(run.isLocked()).isFalse();
        try (RunDirectory.Lock again = run.lock()) {
            assertThat(run.isLocked()).isTrue();
        }
    }

    @Test
    void a_pid_file_names_a_live_process_only_while_that_very_process_lives() throws Exception {
        RunDirectory run = new RunDirectory(data);
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            run.writePid("kafka", sleeper.pid());
            assertThat(run.read("kafka")).hasValueSatisfying(r -> {
                assertThat(r.pid()).isEqualTo(sleeper.pid());
                assertThat(r.isAlive()).isTrue();
            });
            assertThat(run.processes()).containsOnlyKeys("kafka");
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
        assertThat(run.read("kafka")).hasValueSatisfying(r -> assertThat(r.isAlive()).isFalse());
    }

    @Test
    void a_recycled_pid_is_not_taken_for_the_recorded_process() throws Exception {
        RunDirectory run = new RunDirectory(data);
        long self = ProcessHandle.current().pid();
        Files.createDirectories(run.path());
        // this JVM's pid, but a start time a day earlier: some other process had that pid then
        Files.writeString(run.path().resolve("curriculum.pid"), self + " " + (System.currentTimeMillis() - 86_400_000L));

        assertThat(run.read("curriculum")).hasValueSatisfying(r -> assertThat(r.isAlive()).isFalse());
    }

    @Test
    void garbage_in_a_pid_file_is_no_evidence_of_a_process() throws Exception {
        RunDirectory run = new RunDirectory(data);
        Files.createDirectories(run.path());
        Files.writeString(run.path().resolve("mongo.pid"), "not a pid");

        assertThat(run.read("mongo")).isEmpty();
    }

    @Test
    void state_round_trips() {
        RunDirectory run = new RunDirectory(data);
        run.writeState(Map.of("status", "up", "endpoint.gateway", "http://localhost:8080"));

        assertThat(run.readState()).containsEntry("status", "up").containsEntry("endpoint.gateway", "http://localhost:8080");
    }
}

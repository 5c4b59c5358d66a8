package org.mastery.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The demo district loader ({@code deploy/demo-district/target/demo-district.jar}, as the launcher runs
 * it) against the running system, at a reduced size (4 students per class, so 32 students in 8 classes),
 * under a district key of its own: it must finish, and afterwards every role's view has data. A second
 * run must find the district loaded and add nothing.
 */
class DemoDistrictSystemTest {

    private static final Duration VIEWS = Duration.ofSeconds(60);

    @Test
    void theDemoDistrictLoadsThroughTheGatewayAndEveryRoleSeesData() throws Exception {
        Path repository = Path.of(System.getProperty("mastery.repository", "../..")).toAbsolutePath().normalize();
        Path jar = repository.resolve("deploy/demo-district/target/demo-district.jar");
        assertThat(jar).as("the demo district loader is built before the system tests").exists();
        String key = "sys" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Path state = Files.createTempDirectory("demo-district").resolve(key + ".json");

        Run first = load(jar, key, state);
        assertThat(first.exit).as(first.output).isZero();
        assertThat(first.output).contains("framework").contains("roster").contains("assessments").contains("week 15").contains("Loaded in");

        JsonNode loaded = Api.JSON.readTree(state.toFile());
        assertThat(loaded.path("completedAt").isTextual()).as(loaded.toString()).isTrue();
        JsonNode accounts = loaded.path("demoAccounts");
        String teacher = accounts.path("demo-teacher").asText();
        String student = accounts.path("demo-student").asText();
        String guardian = accounts.path("demo-guardian").asText();
        String leader = accounts.path("demo-leader").asText();
        String firstClass = loaded.path("classIds").elements().next().asText();
        String firstSchool = loaded.path("schoolIds").elements().next().asText();
        String districtId = loaded.path("districtId").asText();

        // the teacher: a class map with students and evidence, and a scoring queue or intervention groups to act on
        JsonNode map = Api.as(teacher, "TEACHER").await("/api/reports/classes/" + firstClass + "/mastery-map",
                r -> r.ok() && r.json().path("students").size() == 4 && r.json().toString().contains("\"evidenceCount\":"), VIEWS).json();
        assertThat(map.path("competencies").size()).isGreaterThanOrEqualTo(10);
        assertThat(Api.as(teacher, "TEACHER").get("/api/reports/classes/" + firstClass + "/interventions").status()).isEqualTo(200);
        // the student: progression with evidence, next steps
        JsonNode progression = Api.as(student, "STUDENT").get("/api/students/" + student + "/progression").json();
        int evidence = 0;
        for (JsonNode c : progression.path("competencies")) {
            evidence += c.path("evidenceCount").asInt();
        }
        assertThat(evidence).as(progression.toString()).isGreaterThan(3);
        assertThat(progression.path("goals")).as("the demo student set a goal").isNotEmpty();
        assertThat(Api.as(student, "STUDENT").get("/api/students/" + student + "/next-steps").json()).isNotEmpty();
        JsonNode tracker = Api.as(student, "STUDENT").get("/api/reports/students/" + student).json();
        assertThat(tracker.path("competencies")).isNotEmpty();
        // the guardian: their children in plain language
        JsonNode children = Api.as(guardian, "GUARDIAN").await("/api/reports/guardians/" + guardian + "/children",
                r -> r.ok() && r.json().path("children").size() >= 1, VIEWS).json();
        assertThat(children.path("children").get(0).path("headline").asText()).isNotBlank();
        // the leader: the school roll-up (16 students: shown, not suppressed)
        JsonNode school = Api.as(leader, "LEADER").await("/api/reports/schools/" + firstSchool + "/summary",
                r -> r.ok() && r.json().path("competencies").size() > 0, VIEWS).json();
        assertThat(school.path("students").asText()).isEqualTo("16");
        // the admin and the auditor: the district, and a verified history
        assertThat(Api.as("adm-demo-check", "ADMIN").get("/api/reports/districts/" + districtId + "/summary").json()
                .path("schools").size()).isEqualTo(2);
        JsonNode verified = Api.as("aud-demo-check", "AUDITOR").get("/api/audit/students/" + student + "/verify").json();
        assertThat(verified.path("verified").asBoolean()).as(verified.toString()).isTrue();

        // loading again changes nothing
        Run second = load(jar, key, state);
        assertThat(second.exit).as(second.output).isZero();
        assertThat(second.output).contains("Already loaded");
    }

    record Run(int exit, String output) {
    }

    private static Run load(Path jar, String key, Path state) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--gateway", RunningSystem.gateway(), "--identity", RunningSystem.identityProvider(),
                "--students-per-class", "4", "--district-key", key, "--state", state.toString(),
                "--clients", "4", "--retake-wait", "60", "--settle-wait", "90"));
        File log = Files.createTempFile("demo-district", ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!process.waitFor(6, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the demo loader did not finish in 6 minutes: " + Files.readString(log.toPath()));
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        System.out.println(output);
        return new Run(process.exitValue(), output);
    }
}

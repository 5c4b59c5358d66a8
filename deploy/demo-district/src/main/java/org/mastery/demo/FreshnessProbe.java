package org.mastery.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Freshness of the loaded demo district, measured from outside like a web client: a student's
 * auto-scored attempt is submitted through the gateway, then the student's tracker and the class's
 * mastery map are polled (through the gateway, with the student's and the teacher's tokens) until
 * the new evidence shows. Prints p50/p95/p99/max of both, with the round trip of one tracker read
 * and of one class-map read as the baseline measured in the same run (freshness cannot be shown
 * finer than the poll itself).
 *
 * <pre>
 * java -cp deploy/demo-district/target/demo-district.jar org.mastery.demo.FreshnessProbe
 *      [--gateway URL] [--identity URL] [--state FILE] [--samples N] [--interval-ms N] [--poll-ms N]
 * </pre>
 *
 * The state file is the demo loader's ({@code .mastery/demo-district/maplevalley.json} by default):
 * it names the demo teacher, whose first class is used, and the exit tickets (formative, answer key).
 * Each sample adds one exit-ticket attempt for a student of that class, so run it on a demo district,
 * not on real data.
 */
public final class FreshnessProbe {

    public static void main(String[] args) throws Exception {
        String gatewayUrl = env("MASTERY_GATEWAY_URL", "http://localhost:8080");
        String identityUrl = env("MASTERY_IDENTITY_URL", "http://localhost:9000");
        Path stateFile = Path.of(".mastery/demo-district/maplevalley.json");
        int samples = 100;
        long intervalMillis = 250;
        long pollMillis = 10;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> gatewayUrl = args[++i];
                case "--identity" -> identityUrl = args[++i];
                case "--state" -> stateFile = Path.of(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--interval-ms" -> intervalMillis = Long.parseLong(args[++i]);
                case "--poll-ms" -> pollMillis = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        JsonNode state = readState(stateFile);
        Gateway gateway = new Gateway(gatewayUrl, identityUrl);
        new FreshnessProbe(gateway, state, pollMillis).run(samples, intervalMillis);
    }

    private final Gateway gateway;
    private final JsonNode state;
    private final long pollMillis;

    FreshnessProbe(Gateway gateway, JsonNode state, long pollMillis) {
        this.gateway = gateway;
        this.state = state;
        this.pollMillis = pollMillis;
    }

    void run(int samples, long intervalMillis) {
        Gateway.Caller teacher = gateway.as(state.path("demoAccounts").path("demo-teacher").asText(), "TEACHER");
        String classId = null;
        JsonNode map = null;
        for (JsonNode id : state.path("classIds")) {
            Gateway.Response answer = teacher.get("/api/reports/classes/" + id.asText() + "/mastery-map");
            if (answer.ok() && answer.json().path("students").size() > 0) {
                classId = id.asText();
                map = answer.json();
                break;
            }
        }
        if (classId == null) {
            throw new Gateway.ApiException("the demo teacher sees no class with students: is the demo district loaded?");
        }
        List<String> students = new ArrayList<>();
        map.path("students").forEach(s -> students.add(s.path("studentId").asText()));
        String assessmentId = exitTicketFor(students.get(0));
        System.out.printf(Locale.ROOT, "class %s (%d students), assessment %s, %d samples every %d ms, polling every %d ms%n",
                classId, students.size(), assessmentId, samples, intervalMillis, pollMillis);

        List<Long> trackerRead = new ArrayList<>();
        List<Long> mapRead = new ArrayList<>();
        List<Long> toTracker = new ArrayList<>();
        List<Long> toMap = new ArrayList<>();
        int missed = 0;
        for (int i = 0; i < samples; i++) {
            String student = students.get(i % students.size());
            Gateway.Caller learner = gateway.as(student, "STUDENT");
            String trackerPath = "/api/reports/students/" + student;
            String mapPath = "/api/reports/classes/" + classId + "/mastery-map";
            long t = System.nanoTime();
            int trackerBefore = evidence(learner.get(trackerPath).expectOk("GET " + trackerPath).path("competencies"));
            trackerRead.add(System.nanoTime() - t);
            t = System.nanoTime();
            int mapBefore = evidenceOf(teacher.get(mapPath).expectOk("GET " + mapPath), student);
            mapRead.add(System.nanoTime() - t);

            JsonNode started = learner.post("/api/attempts", Map.of("studentId", student, "assessmentId", assessmentId))
                    .expectOk("POST /api/attempts");
            List<Map<String, String>> responses = new ArrayList<>();
            for (JsonNode item : started.path("form").path("items")) {
                responses.add(Map.of("itemId", item.path("itemId").asText(), "response", "1"));
            }
            String attempt = started.path("attemptId").asText();
            learner.post("/api/attempts/" + attempt + "/submit", Map.of("responses", responses))
                    .expectOk("POST /api/attempts/" + attempt + "/submit");
            long scored = System.nanoTime();

            long seenInTracker = -1;
            long seenInMap = -1;
            long deadline = scored + 10_000_000_000L;
            while ((seenInTracker < 0 || seenInMap < 0) && System.nanoTime() < deadline) {
                if (seenInTracker < 0 && evidence(learner.get(trackerPath).json().path("competencies")) > trackerBefore) {
                    seenInTracker = System.nanoTime() - scored;
                }
                if (seenInMap < 0 && evidenceOf(teacher.get(mapPath).json(), student) > mapBefore) {
                    seenInMap = System.nanoTime() - scored;
                }
                Gateway.pause(pollMillis);
            }
            if (seenInTracker < 0 || seenInMap < 0) {
                missed++;
            } else {
                toTracker.add(seenInTracker);
                toMap.add(seenInMap);
            }
            Gateway.pause(intervalMillis);
        }
        System.out.println("| what | samples | p50 | p95 | p99 | max |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        row("baseline: one tracker read through the gateway", trackerRead);
        row("baseline: one class-map read through the gateway", mapRead);
        row("attempt scored (submit answered) -> visible in the student tracker", toTracker);
        row("attempt scored (submit answered) -> visible in the class mastery map", toMap);
        if (missed > 0) {
            System.out.println(missed + " samples did not show within 10 s");
        }
    }

    /** The formative exit ticket of the student's course (the one they may start). */
    private String exitTicketFor(String student) {
        Gateway.Caller learner = gateway.as(student, "STUDENT");
        for (String key : List.of("exit-ticket-math6", "exit-ticket-math7a")) {
            String id = state.path("assessments").path(key).asText(null);
            if (id != null && learner.get("/api/assessments/" + id).ok()) {
                return id;
            }
        }
        throw new Gateway.ApiException("no exit ticket of the demo district is visible to student " + student);
    }

    private static int evidence(JsonNode competencies) {
        int count = 0;
        for (JsonNode competency : competencies) {
            count += competency.path("evidenceCount").asInt();
        }
        return count;
    }

    private static int evidenceOf(JsonNode classMap, String student) {
        for (JsonNode row : classMap.path("students")) {
            if (student.equals(row.path("studentId").asText())) {
                return evidence(row.path("cells"));
            }
        }
        return -1;
    }

    private static void row(String what, List<Long> nanos) {
        if (nanos.isEmpty()) {
            System.out.printf(Locale.ROOT, "| %s | 0 | | | | |%n", what);
            return;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", what, sorted.size(), ms(at(sorted, 0.50)),
                ms(at(sorted, 0.95)), ms(at(sorted, 0.99)), ms(sorted.get(sorted.size() - 1)));
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    private static JsonNode readState(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no demo state file at " + file + ": start the platform with its demo district first");
        }
        return Gateway.JSON.readTree(file.toFile());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

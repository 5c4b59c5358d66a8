package org.mastery.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads the demo district through the gateway's public API, as its people would: the mathematics
 * coordinator imports the CASE framework and the SIS roster, teachers define assessments, the district's
 * practice tool and benchmark platform report a semester of results, students take this week's tests,
 * teachers score them, and everyone does a little of everything else. Never writes to a database.
 *
 * <pre>
 * java -jar deploy/demo-district/target/demo-district.jar [--gateway URL] [--identity URL] [--home DIR]
 *      [--students-per-class N] [--seed N] [--clients N] [--district-key KEY] [--state FILE] [--retake-wait SECONDS]
 *      [--settle-wait SECONDS]
 * </pre>
 *
 * Defaults come from the environment the launcher gives it ({@code MASTERY_GATEWAY_URL},
 * {@code MASTERY_IDENTITY_URL}, {@code MASTERY_HOME}), else {@code http://localhost:8080},
 * {@code http://localhost:9000}, no home. Prints one line per phase with counts and elapsed time.
 * Exit code 0 when the district is loaded (or was already), 1 when something failed.
 */
public final class DemoDistrict {

    /** What to load, where. */
    record Options(String gateway, String identity, Path home, int studentsPerClass, long seed, int clients, String districtKey,
                   Path stateFile, long retakeWaitMillis, long settleWaitMillis) {

        static Options parse(String[] args, Map<String, String> env) {
            String gateway = blankToNull(env.get("MASTERY_GATEWAY_URL"));
            String identity = blankToNull(env.get("MASTERY_IDENTITY_URL"));
            String home = blankToNull(env.get("MASTERY_HOME"));
            int perClass = 25;
            long seed = 2026;
            int clients = 8;
            String key = "maplevalley";
            String state = null;
            long retakeWait = 120_000;
            long settleWait = 180_000;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--gateway" -> gateway = value(args, ++i, arg);
                    case "--identity" -> identity = value(args, ++i, arg);
                    case "--home" -> home = value(args, ++i, arg);
                    case "--students-per-class" -> perClass = Integer.parseInt(value(args, ++i, arg));
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                    case "--clients" -> clients = Integer.parseInt(value(args, ++i, arg));
                    case "--district-key" -> key = value(args, ++i, arg);
                    case "--state" -> state = value(args, ++i, arg);
                    case "--retake-wait" -> retakeWait = Long.parseLong(value(args, ++i, arg)) * 1000;
                    case "--settle-wait" -> settleWait = Long.parseLong(value(args, ++i, arg)) * 1000;
                    case "-h", "--help" -> throw new IllegalArgumentException("usage");
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (!key.matches("[a-z0-9]{1,20}")) {
                throw new IllegalArgumentException("--district-key must be 1-20 lower-case letters or digits");
            }
            if (clients < 1 || clients > 32) {
                throw new IllegalArgumentException("--clients must be between 1 and 32");
            }
            Path homePath = home == null ? null : Path.of(home);
            Path statePath = state != null ? Path.of(state) : homePath == null ? null : homePath.resolve("demo-district").resolve(key + ".json");
            return new Options(gateway == null ? "http://localhost:8080" : gateway, identity == null ? "http://localhost:9000" : identity,
                    homePath, perClass, seed, clients, key, statePath, retakeWait, settleWait);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    private final Options options;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private long phaseStarted = System.nanoTime();

    DemoDistrict(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println((e.getMessage().equals("usage") ? "" : e.getMessage() + "\n")
                    + "usage: java -jar demo-district.jar [--gateway URL] [--identity URL] [--home DIR] [--students-per-class N]"
                    + " [--seed N] [--clients N] [--district-key KEY] [--state FILE] [--retake-wait SECONDS] [--settle-wait SECONDS]");
            System.exit(2);
            return;
        }
        try {
            new DemoDistrict(options, System.out).run();
            System.exit(0);
        } catch (Exception e) {
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private void phase(String line) {
        long now = System.nanoTime();
        out.printf(Locale.ROOT, "[%6.1f s] %-12s %s (%.1f s)%n", (now - started) / 1e9, line.substring(0, line.indexOf(':')),
                line.substring(line.indexOf(':') + 1).strip(), (now - phaseStarted) / 1e9);
        out.flush();
        phaseStarted = now;
    }

    /** Loads the district; returns what the state file holds afterwards. */
    ObjectNode run() throws Exception {
        Gateway gateway = new Gateway(options.gateway(), options.identity());
        ObjectNode state = readState();
        out.printf(Locale.ROOT, "Demo district \"%s\": %d classes of %d students, seed %d, %d clients, gateway %s, identity %s%n",
                options.districtKey(), 8, options.studentsPerClass(), options.seed(), options.clients(), options.gateway(), options.identity());
        if (state.path("completedAt").isTextual()) {
            Gateway.Caller admin = gateway.as("demo-admin", "ADMIN");
            if (admin.get("/api/roster/organizations/" + state.path("districtId").asText()).ok()) {
                out.println("Already loaded at " + state.path("completedAt").asText() + " (" + options.stateFile() + "); nothing to do.");
                return state;
            }
            out.println("The state file says the district was loaded, but the platform does not know it: loading again.");
            state = Gateway.JSON.createObjectNode();
        }
        gateway.awaitHealthy(Duration.ofMinutes(3));
        ExecutorService pool = Executors.newFixedThreadPool(options.clients());
        try {
            load(gateway, pool, state);
        } finally {
            pool.shutdownNow();
        }
        return state;
    }

    private void load(Gateway gateway, ExecutorService pool, ObjectNode state) throws Exception {
        Gateway.Caller admin = gateway.as("demo-admin", "ADMIN");
        long seed = state.path("seed").isNumber() ? state.get("seed").asLong() : options.seed();
        state.put("seed", seed);
        state.put("districtKey", options.districtKey());

        // 1. the framework, from the CASE package (and meanwhile the roster, from the SIS: they do not depend on each other)
        District district = District.generate(options.districtKey(), options.studentsPerClass(), seed);
        Future<JsonNode> rosterImport = pool.submit(() -> admin.postBytes("/api/roster/import/oneroster", district.oneRosterZip(),
                "application/zip").expectOk("POST /api/roster/import/oneroster"));
        Curriculum curriculum = new Curriculum();
        curriculum.load(admin, pool);
        phase(String.format(Locale.ROOT, "framework: CASE package imported (%d items, %d assessable), %d learning targets authored, %s",
                curriculum.itemsImported, curriculum.byCode.values().stream().filter(Curriculum.Competency::assessable).count(),
                curriculum.authored, curriculum.publishedNow ? "published" : "already published"));
        state.put("frameworkId", curriculum.frameworkId);

        // 2. the roster, from the SIS (OneRoster 1.2 CSV), and the courses' competencies
        JsonNode imported = rosterImport.get();
        Map<String, String> ids = new HashMap<>();
        imported.path("ids").fields().forEachRemaining(kind -> kind.getValue().fields()
                .forEachRemaining(e -> ids.put(e.getKey(), e.getValue().asText())));
        if (!ids.containsKey(district.districtSourcedId)) {
            throw new Gateway.ApiException("the OneRoster import answered no ids (curriculum-service too old?): " + imported);
        }
        boolean existed = imported.path("organizations").path("existing").asInt() > 0;
        Curriculum.defineCourses(admin, district, idsOf(district.courses.stream().map(District.Course::sourcedId).toList(), ids), curriculum);
        phase(String.format(Locale.ROOT, "roster: 1 district, %d schools, %d classes, %d students, %d guardians, %d teachers, %d leaders; %d courses with credits (%s)",
                district.schools.size(), district.classes.size(), district.students().size(), district.guardians().size(),
                district.teachers().size(), district.leaders().size(), district.courses.size(),
                existed ? "the district existed: nothing duplicated" : "imported in " + imported.path("elapsedMillis").asLong() + " ms"));
        state.put("districtId", ids.get(district.districtSourcedId));
        ObjectNode schools = state.putObject("schoolIds");
        district.schools.forEach(s -> schools.put(s.name(), ids.get(s.sourcedId())));
        ObjectNode classes = state.putObject("classIds");
        district.classes.forEach(c -> classes.put(district.schools.stream().filter(s -> s.sourcedId().equals(c.schoolSourcedId()))
                .findFirst().orElseThrow().code() + " " + c.title(), ids.get(c.sourcedId())));
        ObjectNode accounts = state.putObject("demoAccounts");
        district.demoAccounts.forEach((account, sourcedId) -> accounts.put(account, ids.get(sourcedId)));
        writeDemoAccounts(district, ids);
        writeState(state);

        if (existed && !state.path("assessments").isObject()) {
            out.println("This district was loaded before (its roster exists) but this loader has no record of it (" + options.stateFile()
                    + "): not simulating the semester again, so nothing is duplicated.");
            state.put("completedAt", Instant.now().toString());
            writeState(state);
            return;
        }

        // 3. assessments, defined by the teachers (and the integrations' assessments by the coordinator)
        Map<String, Double> difficulty = new HashMap<>();
        curriculum.byCode.values().forEach(c -> difficulty.put(c.code(), c.difficulty()));
        LearnerModel model = new LearnerModel(seed, difficulty);
        for (District.SchoolClass c : district.classes) {
            boolean accelerated = Semester.courseKey(c).equals("math7a");
            for (String s : c.students()) {
                model.enrol(s, accelerated ? 0.5 : 0.0, accelerated ? Curriculum.MATH_7A : Curriculum.MATH_6);
            }
        }
        Map<String, Assessments.Defined> assessments = defineAssessments(gateway, district, ids, curriculum, model, pool, state);
        Semester semester = new Semester(gateway, district, ids, curriculum, model, pool, assessments);
        int mappings = semester.mapActivities(gateway.as("demo-admin", "ADMIN"));
        phase(String.format(Locale.ROOT, "assessments: %d defined (%d forms; practice tool, benchmarks, observations, unit tests, exit tickets, task, project), %d xAPI activities mapped",
                assessments.size(), assessments.values().stream().mapToInt(a -> a.definition().forms()).sum(), mappings));
        writeState(state);

        // 4. weeks 1-14
        semester.pastWeeks();
        phase(String.format(Locale.ROOT, "weeks 1-14: %d practice and benchmark results (xAPI, %d requests), %d observations, %d teacher interventions",
                semester.statements.get(), semester.xapiRequests.get(), semester.observations.get(), semester.interventions.get()));

        // 5. this week
        semester.thisWeek();
        long retakesFrom = System.nanoTime();
        semester.retakes(options.retakeWaitMillis());
        phase(String.format(Locale.ROOT, "week 15: %d attempts (%d auto-scored, %d rubric-scored); %d failed the unit test, %d retakes refused (409), %d retaken after practice (the last %.1f s of this phase), %d still locked",
                semester.attempts.get(), semester.autoScored.get(), semester.rubricScored.get(), semester.failedSummatives.get(),
                semester.refusedRetakes.get(), semester.retakes.get(), (System.nanoTime() - retakesFrom) / 1e9, semester.stillLocked.get()));

        // 6. goals, reflections, tutoring, overrides
        String demoStudent = district.demoAccounts.get("demo-student");
        semester.voices(demoStudent, LocalDate.now(ZoneOffset.UTC));
        phase(String.format(Locale.ROOT, "students: %d goals, %d reflections, %d peer-tutoring opt-ins; %d teacher overrides",
                semester.goals.get(), semester.reflections.get(), semester.tutors.get(), semester.overrides.get()));

        // 7. until every view shows it
        int complete = semester.settle(demoStudent, options.settleWaitMillis());
        phase(String.format(Locale.ROOT, "views: progression and reporting show everything for %d of %d sampled students%s",
                complete, semester.sample.size(), complete == semester.sample.size() ? "" : " (the rest are still being processed)"));

        state.put("completedAt", Instant.now().toString());
        state.put("requests", gateway.requests());
        writeState(state);
        out.printf(Locale.ROOT, "Loaded in %.1f s: %d requests through the gateway (%d retried after 429/503 or a refused connection).%n",
                (System.nanoTime() - started) / 1e9, gateway.requests(), gateway.retries());
        if (!semester.problems.isEmpty()) {
            out.println(semester.problems.size() + " step(s) did not go as planned (the district is loaded regardless):");
            semester.problems.stream().limit(10).forEach(p -> out.println("  " + p));
        }
        printAccounts(district, ids);
    }

    private static Map<String, String> idsOf(List<String> sourcedIds, Map<String, String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        sourcedIds.forEach(s -> out.put(s, ids.get(s)));
        return out;
    }

    private Map<String, Assessments.Defined> defineAssessments(Gateway gateway, District district, Map<String, String> ids, Curriculum curriculum,
                                                             LearnerModel model, ExecutorService pool, ObjectNode state) throws Exception {
        ObjectNode known = state.path("assessments").isObject() ? (ObjectNode) state.get("assessments") : state.putObject("assessments");
        Map<String, Assessments.Defined> defined = new java.util.concurrent.ConcurrentHashMap<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (String course : List.of("math6", "math7a")) {
            for (Assessments.Definition d : Assessments.forCourse(course)) {
                work.add(() -> {
                    Map<String, Map<String, ItemBank.Item>> items = new LinkedHashMap<>();
                    Map<String, String> itemCodes = new LinkedHashMap<>();
                    Map<String, Object> body = Assessments.body(d, curriculum, model, items, itemCodes);
                    String id = known.path(d.key()).asText(null);
                    if (id == null || !gateway.as("demo-admin", "ADMIN").get("/api/assessments/" + id).ok()) {
                        Gateway.Caller author = author(gateway, district, ids, d);
                        id = defineWhenCatalogued(author, body, d.title());
                    }
                    defined.put(d.key(), new Assessments.Defined(d, id, items, itemCodes));
                    return null;
                });
            }
        }
        for (Future<Void> f : pool.invokeAll(work)) {
            f.get();
        }
        defined.forEach((key, a) -> known.put(key, a.id()));
        return defined;
    }

    /** The teacher who leads the course (or the coordinator, for the district's integrations and observation rubrics). */
    private static Gateway.Caller author(Gateway gateway, District district, Map<String, String> ids, Assessments.Definition d) {
        if (d.author().equals(Assessments.LRS) || d.author().equals(Assessments.COORDINATOR)) {
            return gateway.as("demo-admin", "ADMIN");
        }
        District.SchoolClass lead = district.classes.stream().filter(c -> Semester.courseKey(c).equals(d.author())).findFirst().orElseThrow();
        return gateway.as(ids.get(lead.teachers().get(0)), "TEACHER");
    }

    /** Competencies reach assessment-service's catalog through Kafka shortly after publishing: 422 until then. */
    private static String defineWhenCatalogued(Gateway.Caller author, Map<String, Object> body, String title) {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Gateway.Response created = author.post("/api/assessments", body);
            if (created.ok()) {
                return created.json().path("assessmentId").asText();
            }
            if (created.status() != 422 || System.currentTimeMillis() > deadline) {
                created.expectOk("POST /api/assessments (" + title + ")");
            }
            Gateway.pause(500);
        }
    }

    /**
     * Tells the development identity provider who its demo accounts are in this district (a file beside
     * its signing key, read at each sign-in), so that a person signing in as demo-teacher sees a real class.
     */
    private void writeDemoAccounts(District district, Map<String, String> ids) throws IOException {
        if (options.home() == null) {
            return;
        }
        Path file = options.home().resolve("identity").resolve("demo-subjects.properties");
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder("# written by the demo district loader: demo account = subject (a person of the demo district)\n");
        district.demoAccounts.forEach((account, sourcedId) -> text.append(account).append('=').append(ids.get(sourcedId)).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void printAccounts(District district, Map<String, String> ids) {
        out.println("Sign in at " + options.identity() + " (password demo) or get a token with POST " + options.identity() + "/dev/token:");
        String teacher = ids.get(district.demoAccounts.get("demo-teacher"));
        String student = ids.get(district.demoAccounts.get("demo-student"));
        String guardian = ids.get(district.demoAccounts.get("demo-guardian"));
        String leader = ids.get(district.demoAccounts.get("demo-leader"));
        District.SchoolClass first = district.classes.get(0);
        out.println("  demo-teacher  = " + teacher + " (Elena Alvarez, Riverside Math 6 periods 1 and 3; class " + ids.get(first.sourcedId()) + ")");
        out.println("  demo-student  = " + student + " (" + district.people.get(district.demoAccounts.get("demo-student")).givenName() + ", Math 6 period 1)");
        out.println("  demo-guardian = " + guardian + " (two children, Math 6 and Math 7 Accelerated)");
        out.println("  demo-leader   = " + leader + " (principal of Riverside Middle School " + ids.get(district.schools.get(0).sourcedId()) + ")");
        out.println("  demo-admin, demo-auditor: every student; district " + ids.get(district.districtSourcedId));
    }

    private ObjectNode readState() throws IOException {
        if (options.stateFile() != null && Files.isRegularFile(options.stateFile())) {
            return (ObjectNode) Gateway.JSON.readTree(options.stateFile().toFile());
        }
        return Gateway.JSON.createObjectNode();
    }

    private void writeState(ObjectNode state) throws IOException {
        if (options.stateFile() == null) {
            return;
        }
        Files.createDirectories(options.stateFile().getParent());
        Path tmp = options.stateFile().resolveSibling(options.stateFile().getFileName() + ".tmp");
        Gateway.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), state);
        Files.move(tmp, options.stateFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}

package org.mastery.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fall semester so far, week by week, as the district's tools and people would have produced it.
 *
 * <p>The API stamps an attempt with the moment it is submitted, so the weeks behind us arrive the way
 * they would from the district's other systems, with the time the work was done: the online practice
 * tool and the benchmark platform send xAPI statements (with their {@code timestamp}), and teachers
 * record what they observed in group work ({@code observedAt}). The current week — week 15, today — is
 * lived through the attempt API: students take a summative unit test (auto-scored from its answer
 * key), hand in a performance task or project that their teacher scores with the rubric; those who
 * fail the test are refused a retake (409), do an exit ticket as practice, and retake on another form
 * once progression has unlocked it. Then students set goals, reflect and opt in to tutor their
 * classmates, and teachers record a few overrides.
 */
final class Semester {

    static final String PRACTICE_TOOL = "https://practice.maplevalley.example.org/ratios";
    static final String BENCHMARK = "https://benchmark.maplevalley.example.org/units";
    static final String SIS = "https://sis.maplevalley.example.org";
    static final LocalDate FIRST_MONDAY = LocalDate.parse(District.TERM_START);
    static final int LIVE_WEEK = 15;

    /**
     * What happens in a course in one week: lessons (no evidence of their own), results from the practice
     * tool, the district benchmark's unit check, an observation of group work. {@code redo} is practice
     * only for students whose last result on it was below proficient.
     */
    record Week(int week, List<String> lessons, List<String> practice, List<String> redo, String benchmarkUnit, List<String> benchmark,
                String observation) {
    }

    private static Week week(int week) {
        return new Week(week, List.of(), List.of(), List.of(), null, List.of(), null);
    }

    private static Week lesson(int week, String code) {
        return new Week(week, List.of(code), List.of(code), List.of(), null, List.of(), null);
    }

    /**
     * The weeks so far. Kept to about nine results per student: the local platform's projections digest
     * some twenty to thirty evidence records a second on this kind of machine, and the district should be
     * complete in every view within the two minutes the loader may take.
     */
    static List<Week> plan(String course) {
        List<Week> weeks = new ArrayList<>();
        if (course.equals("math6")) {
            weeks.add(new Week(1, List.of(), Curriculum.FOUNDATIONS, List.of(), null, List.of(), null));   // readiness check
            weeks.add(new Week(2, List.of(), List.of(), Curriculum.FOUNDATIONS, null, List.of(), null));
            weeks.add(lesson(3, "6.RP.A.1.LT1"));
            weeks.add(new Week(4, List.of(), List.of(), List.of(), null, List.of(), "observation-ratio-language"));
            weeks.add(lesson(5, "6.RP.A.1.LT2"));
            weeks.add(week(6));
            weeks.add(new Week(7, List.of(), List.of(), List.of(), "unit-1", List.of("6.RP.A.1.LT2"), null));
            weeks.add(lesson(8, "6.RP.A.2.LT1"));
            weeks.add(week(9));
            weeks.add(new Week(10, List.of("6.RP.A.2.LT2"), List.of(), List.of(), null, List.of(), null));
            weeks.add(new Week(11, List.of(), List.of(), List.of(), null, List.of(), "observation-rate-language"));
            weeks.add(new Week(12, List.of("6.RP.A.3a.LT1"), List.of(), List.of(), null, List.of(), null));
            weeks.add(new Week(13, List.of("6.RP.A.3b.LT1"), List.of(), List.of(), null, List.of(), null));
            weeks.add(new Week(14, List.of("6.RP.A.3b.LT2"), List.of(), List.of(), null, List.of(), null));
        } else {
            weeks.add(new Week(1, List.of(), List.of("5.NF.B.4", "6.RP.A.2.LT1"), List.of(), null, List.of(), null));   // readiness check
            weeks.add(new Week(2, List.of(), List.of("6.RP.A.2.LT1"), List.of("5.NF.B.4"), null, List.of(), null));
            weeks.add(lesson(3, "7.RP.A.1.LT1"));
            weeks.add(new Week(4, List.of(), List.of("7.RP.A.1.LT1"), List.of(), null, List.of(), null));
            weeks.add(lesson(5, "7.RP.A.1.LT2"));
            weeks.add(week(6));
            weeks.add(new Week(7, List.of(), List.of(), List.of(), "unit-1", List.of("7.RP.A.1.LT2"), null));
            weeks.add(lesson(8, "7.RP.A.2a.LT1"));
            weeks.add(new Week(9, List.of(), List.of(), List.of(), null, List.of(), "observation-proportional-tables"));
            weeks.add(week(10));
            weeks.add(new Week(11, List.of("7.RP.A.2b.LT1"), List.of(), List.of(), null, List.of(), null));
            weeks.add(new Week(12, List.of(), List.of(), List.of(), null, List.of(), "observation-constant"));
            weeks.add(new Week(13, List.of("7.RP.A.2a.LT2"), List.of(), List.of(), null, List.of(), null));
            weeks.add(new Week(14, List.of("7.RP.A.2c.LT1"), List.of(), List.of(), null, List.of(), null));
        }
        return weeks;
    }

    /** Counts for the progress lines and the summary. */
    final AtomicInteger statements = new AtomicInteger();
    final AtomicInteger xapiRequests = new AtomicInteger();
    final AtomicInteger observations = new AtomicInteger();
    final AtomicInteger interventions = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();
    final AtomicInteger autoScored = new AtomicInteger();
    final AtomicInteger rubricScored = new AtomicInteger();
    final AtomicInteger failedSummatives = new AtomicInteger();
    final AtomicInteger refusedRetakes = new AtomicInteger();
    final AtomicInteger retakes = new AtomicInteger();
    final AtomicInteger stillLocked = new AtomicInteger();
    final AtomicInteger goals = new AtomicInteger();
    final AtomicInteger reflections = new AtomicInteger();
    final AtomicInteger tutors = new AtomicInteger();
    final AtomicInteger overrides = new AtomicInteger();
    final List<String> problems = new CopyOnWriteArrayList<>();

    private final Gateway gateway;
    private final District district;
    private final Map<String, String> ids;
    private final Curriculum curriculum;
    private final LearnerModel model;
    private final ExecutorService pool;
    private final Map<String, Assessments.Defined> assessments;
    private final Gateway.Caller lrs;
    /** The levels the loader's students earned, per student and competency, in order (for the teachers' decisions). */
    private final Map<String, List<Integer>> levels = new ConcurrentHashMap<>();
    private final Map<String, Integer> helped = new ConcurrentHashMap<>();

    Semester(Gateway gateway, District district, Map<String, String> ids, Curriculum curriculum, LearnerModel model, ExecutorService pool,
             Map<String, Assessments.Defined> assessments) {
        this.gateway = gateway;
        this.district = district;
        this.ids = ids;
        this.curriculum = curriculum;
        this.model = model;
        this.pool = pool;
        this.assessments = assessments;
        this.lrs = gateway.as("lrs-maplevalley", "ADMIN");
    }

    static String courseKey(District.SchoolClass c) {
        return c.courseSourcedId().substring(c.courseSourcedId().lastIndexOf('-') + 1);
    }

    String id(String sourcedId) {
        String id = ids.get(sourcedId);
        if (id == null) {
            throw new IllegalStateException("the roster import did not name an id for " + sourcedId);
        }
        return id;
    }

    Gateway.Caller teacherOf(District.SchoolClass c) {
        return gateway.as(id(c.teachers().get(0)), "TEACHER");
    }

    Gateway.Caller student(String sourcedId) {
        return gateway.as(id(sourcedId), "STUDENT");
    }

    static Instant at(int week, int dayOfWeek, int hourUtc, int minute) {
        return FIRST_MONDAY.plusWeeks(week - 1L).plusDays(dayOfWeek - 1L).atTime(hourUtc, 0).plusMinutes(minute).toInstant(ZoneOffset.UTC);
    }

    /** Level on the 1–4 scale that a share of right answers earns (assessment-service's mapping with threshold 0.7). */
    static int level(double share) {
        if (share < 0.35) {
            return 1;
        }
        if (share < 0.7) {
            return 2;
        }
        return share < 0.85 ? 3 : 4;
    }

    private void record(String student, String code, int level) {
        levels.computeIfAbsent(student + "|" + code, k -> new CopyOnWriteArrayList<>()).add(level);
    }

    /** What the teacher sees in their gradebook: the last two results on the competency were below proficient. */
    private boolean needsHelp(String student, String code) {
        List<Integer> l = levels.getOrDefault(student + "|" + code, List.of());
        return l.size() >= 2 && l.get(l.size() - 1) < 3 && l.get(l.size() - 2) < 3 && helped.getOrDefault(student + "|" + code, 0) < 2;
    }

    // ---------------------------------------------------------------- weeks 1-14

    /** The past weeks, in order; within a week every class in parallel. */
    void pastWeeks() throws Exception {
        // accelerated students bring grade 6 ideas with them
        for (District.SchoolClass c : district.classes) {
            if (courseKey(c).equals("math7a")) {
                for (String s : c.students()) {
                    for (String code : List.of("6.RP.A.2.LT1", "6.RP.A.3a.LT2", "6.RP.A.3a.LT3", "6.RP.A.3c.LT1", "6.RP.A.3c.LT2")) {
                        model.bringsFromEarlierCourse(s, code);
                    }
                }
            }
        }
        for (int week = 1; week < LIVE_WEEK; week++) {
            List<Callable<Void>> classes = new ArrayList<>();
            int w = week;
            for (District.SchoolClass c : district.classes) {
                classes.add(() -> {
                    week(c, w);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(classes)) {
                done.get();
            }
        }
    }

    private void week(District.SchoolClass c, int week) {
        String course = courseKey(c);
        List<Week> plan = plan(course);
        Week now = plan.get(week - 1);
        List<Map<String, Object>> batch = new ArrayList<>();
        Map<String, Integer> observed = new LinkedHashMap<>();
        for (String s : c.students()) {
            int minute = Math.floorMod(s.hashCode(), 50);
            // Monday: lessons; Tuesday: the teacher's small group for whoever keeps falling short, then practice
            for (String code : now.lessons()) {
                model.teach(s, code);
            }
            for (String code : taughtBefore(plan, week)) {
                if (needsHelp(s, code)) {
                    helped.merge(s + "|" + code, 1, Integer::sum);
                    interventions.incrementAndGet();
                    model.intervene(s, code);
                    batch.add(practiceStatement(s, course, code, week, "intervention", at(week, 2, 23, minute)));
                }
            }
            // Wednesday evening: the practice tool
            for (String code : now.practice()) {
                model.practise(s, code);
                batch.add(practiceStatement(s, course, code, week, "practice", at(week, 3, 23, minute)));
            }
            for (String code : now.redo()) {
                if (lastLevel(s, code) < 3) {
                    model.practise(s, code);
                    batch.add(practiceStatement(s, course, code, week, "redo", at(week, 3, 23, minute)));
                }
            }
            // Thursday in class: the teacher observes group work
            if (now.observation() != null) {
                Assessments.Defined obs = assessments.get(now.observation());
                String code = obs.definition().codes().get(0);
                model.practise(s, code);
                int level = model.rubricLevel(s, code, now.observation(), "week" + week);
                record(s, code, level);
                observed.put(s, level);
            }
            // Friday: the district's benchmark unit check
            for (String code : now.benchmark()) {
                batch.add(benchmarkStatement(s, course, code, now.benchmarkUnit(), week, at(week, 5, 15, minute)));
            }
        }
        if (!batch.isEmpty()) {
            for (int from = 0; from < batch.size(); from += 250) {
                List<Map<String, Object>> part = batch.subList(from, Math.min(batch.size(), from + 250));
                lrs.post("/api/xapi/statements", part, Map.of("X-Experience-API-Version", "1.0.3"))
                        .expectOk("POST /api/xapi/statements (" + c.title() + ", week " + week + ")");
                xapiRequests.incrementAndGet();
                statements.addAndGet(part.size());
            }
        }
        if (!observed.isEmpty()) {
            Assessments.Defined obs = assessments.get(now.observation());
            String criterion = obs.definition().rubric().get(0).criterionId();
            List<Map<String, Object>> list = new ArrayList<>();
            observed.forEach((s, level) -> list.add(Map.of("studentId", id(s),
                    "criteria", List.of(Map.of("criterionId", criterion, "level", level)))));
            Map<String, Object> body = Map.of("observedAt", at(week, 4, 16, 0).toString(), "observations", list);
            Gateway.Caller teacher = teacherOf(c);
            Map<String, String> key = Map.of("Idempotency-Key", "demo-observation-" + c.sourcedId() + "-" + obs.definition().key() + "-w" + week);
            // the roster reaches assessment-service through Kafka: right after the import a class may not be known there yet
            long deadline = System.currentTimeMillis() + 90_000;
            Gateway.Response recorded = teacher.post("/api/assessments/" + obs.id() + "/observations", body, key);
            while (recorded.status() == 404 && System.currentTimeMillis() < deadline) {
                Gateway.pause(1000);
                recorded = teacher.post("/api/assessments/" + obs.id() + "/observations", body, key);
            }
            recorded.expectOk("POST /api/assessments/" + obs.id() + "/observations (" + c.title() + ")");
            observations.addAndGet(list.size());
        }
    }

    private int lastLevel(String student, String code) {
        List<Integer> l = levels.getOrDefault(student + "|" + code, List.of());
        return l.isEmpty() ? 0 : l.get(l.size() - 1);
    }

    private static List<String> taughtBefore(List<Week> plan, int week) {
        List<String> codes = new ArrayList<>();
        for (Week w : plan) {
            if (w.week() < week) {
                codes.addAll(w.lessons());
            }
        }
        return codes;
    }

    static String activity(String course, String code) {
        return PRACTICE_TOOL + "/" + course + "/" + code;
    }

    static String benchmarkActivity(String course, String unit) {
        return BENCHMARK + "/" + course + "/" + unit;
    }

    private Map<String, Object> practiceStatement(String student, String course, String code, int week, String occasion, Instant when) {
        double share = model.practiceScore(student, code, 10, "week" + week, occasion);
        record(student, code, level(share));
        return statement(student, activity(course, code), "http://adlnet.gov/expapi/activities/assessment",
                "Practice: " + code, share, 10, "week" + week + "|" + occasion + "|" + code, when, "completed");
    }

    private Map<String, Object> benchmarkStatement(String student, String course, String code, String unit, int week, Instant when) {
        // the benchmark platform reports one result per competency of the unit check (two items each)
        int right = 0;
        for (int i = 0; i < 2; i++) {
            if (model.answersCorrectly(student, code, "benchmark", unit, String.valueOf(i))) {
                right++;
            }
        }
        double share = right / 2.0;
        record(student, code, level(share));
        return statement(student, benchmarkActivity(course, unit) + "/" + code, "http://adlnet.gov/expapi/activities/assessment",
                "Unit check " + unit + ": " + code, share, 2, "week" + week + "|benchmark|" + code, when, "completed");
    }

    private Map<String, Object> statement(String student, String activity, String type, String name, double share, int items, String occasion,
                                          Instant when, String verb) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", UUID.nameUUIDFromBytes((district.key + "|" + student + "|" + activity + "|" + occasion).getBytes(StandardCharsets.UTF_8)).toString());
        s.put("actor", Map.of("objectType", "Agent", "account", Map.of("homePage", SIS, "name", id(student))));
        s.put("verb", Map.of("id", "http://adlnet.gov/expapi/verbs/" + verb, "display", Map.of("en-US", verb)));
        s.put("object", Map.of("objectType", "Activity", "id", activity,
                "definition", Map.of("type", type, "name", Map.of("en-US", name))));
        int raw = (int) Math.round(share * items);
        s.put("result", Map.of("score", Map.of("scaled", Math.round(share * 1000) / 1000.0, "raw", raw, "min", 0, "max", items),
                "completion", true));
        s.put("timestamp", when.toString());
        return s;
    }

    /** Maps each practice and benchmark activity to its assessment (an administrator's set-up of the integrations). */
    int mapActivities(Gateway.Caller admin) throws Exception {
        List<Callable<Void>> puts = new ArrayList<>();
        for (String course : List.of("math6", "math7a")) {
            Assessments.Defined practice = assessments.get("practice-" + course);
            for (String code : practice.definition().codes()) {
                puts.add(() -> {
                    admin.put("/api/xapi/activity-mappings", Map.of("activityId", activity(course, code), "assessmentId", practice.id(),
                            "competencyIds", List.of(curriculum.id(code)), "method", "SELECTED_RESPONSE")).expectOk("PUT activity mapping");
                    return null;
                });
            }
            Assessments.Defined benchmark = assessments.get("benchmark-" + course);
            for (Week w : plan(course)) {
                for (String code : w.benchmark()) {
                    puts.add(() -> {
                        admin.put("/api/xapi/activity-mappings", Map.of("activityId", benchmarkActivity(course, w.benchmarkUnit()) + "/" + code,
                                "assessmentId", benchmark.id(), "competencyIds", List.of(curriculum.id(code)), "method", "SELECTED_RESPONSE"))
                                .expectOk("PUT benchmark activity mapping");
                        return null;
                    });
                }
            }
        }
        for (Future<Void> f : pool.invokeAll(puts)) {
            f.get();
        }
        return puts.size();
    }

    // ---------------------------------------------------------------- week 15: live attempts

    /** Whoever failed the unit test, with what they fell short on. */
    private final Map<String, List<String>> failed = new ConcurrentHashMap<>();

    /** Classes that hand in their performance task or project this week (the others do next week). */
    static boolean taskThisWeek(int classIndex) {
        return classIndex == 0 || classIndex == 4 || classIndex == 6;
    }

    void thisWeek() throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < district.classes.size(); i++) {
            District.SchoolClass c = district.classes.get(i);
            boolean task = taskThisWeek(i);
            for (String s : c.students()) {
                work.add(() -> {
                    try {
                        liveWeek(c, s, task);
                    } catch (RuntimeException e) {
                        problems.add(c.title() + " / " + s + ": " + e.getMessage());
                    }
                    return null;
                });
            }
        }
        for (Future<Void> f : pool.invokeAll(work)) {
            f.get();
        }
    }

    private void liveWeek(District.SchoolClass c, String s, boolean taskThisWeek) {
        String course = courseKey(c);
        Gateway.Caller student = student(s);
        Gateway.Caller teacher = teacherOf(c);
        // the performance task (Math 6) or project (Math 7A): handed in, scored by the teacher with the rubric
        Assessments.Defined task = assessments.get(course.equals("math6") ? "task-math6" : "project-math7a");
        for (String code : task.definition().codes()) {
            model.practise(s, code);
        }
        JsonNode started = taskThisWeek ? start(student, s, task, "1") : null;
        if (started != null && "STARTED".equals(started.path("status").asText())) {
            String attempt = started.path("attemptId").asText();
            submit(student, attempt, Map.of("evidenceUris", List.of("https://drive.maplevalley.example.org/work/" + id(s) + "/"
                    + task.definition().key())));
            List<Map<String, Object>> criteria = new ArrayList<>();
            for (Assessments.Criterion criterion : task.definition().rubric()) {
                int level = model.rubricLevel(s, criterion.code(), task.definition().key(), "live");
                record(s, criterion.code(), level);
                criteria.add(Map.of("criterionId", criterion.criterionId(), "level", level));
            }
            Gateway.Response scored = teacher.post("/api/attempts/" + attempt + "/score",
                    Map.of("criteria", criteria, "feedback", feedback(criteria)));
            if (scored.ok()) {
                rubricScored.incrementAndGet();
            } else if (scored.status() != 409) {
                scored.expectOk("POST /api/attempts/" + attempt + "/score");
            }
        }
        // the unit test, auto-scored
        Assessments.Defined test = assessments.get("unit-test-" + course);
        JsonNode first = start(student, s, test, "1");
        if (first == null) {
            return;
        }
        JsonNode result = answerAndSubmit(student, s, test, first, "first");
        if (result == null || !result.has("passed") || result.path("passed").asBoolean(true)) {
            return;
        }
        failedSummatives.incrementAndGet();
        List<String> shortOf = new ArrayList<>();
        for (JsonNode score : result.path("scores")) {
            if (score.path("score").asDouble(4) < score.path("cut").asDouble(3)) {
                String code = curriculum.codeById.get(score.path("competencyId").asText());
                if (code != null) {
                    shortOf.add(code);
                }
            }
        }
        // asking for a retake at once is refused: 409, with what unlocks it
        Gateway.Response retake = student.post("/api/attempts", Map.of("studentId", id(s), "assessmentId", test.id()));
        if (retake.status() == 409) {
            refusedRetakes.incrementAndGet();
        }
        // the assigned practice: an exit ticket on what fell short
        for (String code : shortOf.isEmpty() ? test.definition().codes() : shortOf) {
            model.intervene(s, code);
            model.practise(s, code);
        }
        Assessments.Defined ticket = assessments.get("exit-ticket-" + course);
        JsonNode practice = start(student, s, ticket, "1");
        if (practice != null) {
            answerAndSubmit(student, s, ticket, practice, "practice");
        }
        failed.put(s, shortOf);
    }

    /** Retakes, once progression has counted the practice and assessment-service has unlocked them. */
    void retakes(long maxWaitMillis) {
        Map<String, District.SchoolClass> pending = new LinkedHashMap<>();
        for (String s : failed.keySet()) {
            pending.put(s, district.classOf(s));
        }
        long deadline = System.currentTimeMillis() + maxWaitMillis;
        while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
            List<Callable<String>> tries = new ArrayList<>();
            for (Map.Entry<String, District.SchoolClass> p : pending.entrySet()) {
                tries.add(() -> tryRetake(p.getValue(), p.getKey()) ? p.getKey() : null);
            }
            try {
                for (Future<String> done : pool.invokeAll(tries)) {
                    String s = done.get();
                    if (s != null) {
                        pending.remove(s);
                    }
                }
            } catch (Exception e) {
                problems.add("retakes: " + e);
                break;
            }
            if (!pending.isEmpty()) {
                Gateway.pause(1500);
            }
        }
        stillLocked.set(pending.size());
    }

    private boolean tryRetake(District.SchoolClass c, String s) {
        Assessments.Defined test = assessments.get("unit-test-" + courseKey(c));
        Gateway.Caller student = student(s);
        Gateway.Response started = student.post("/api/attempts", Map.of("studentId", id(s), "assessmentId", test.id()),
                Map.of("Idempotency-Key", "demo-" + district.key + "-" + s + "-" + test.definition().key() + "-retake"));
        if (started.status() == 409) {
            return false;
        }
        JsonNode attempt = started.expectOk("POST /api/attempts (retake)");
        attempts.incrementAndGet();
        if ("STARTED".equals(attempt.path("status").asText())) {
            answerAndSubmit(student, s, test, attempt, "retake");
        }
        retakes.incrementAndGet();
        retaken.add(s);
        return true;
    }

    private JsonNode start(Gateway.Caller student, String s, Assessments.Defined assessment, String n) {
        Gateway.Response started = student.post("/api/attempts", Map.of("studentId", id(s), "assessmentId", assessment.id()),
                Map.of("Idempotency-Key", "demo-" + district.key + "-" + s + "-" + assessment.definition().key() + "-" + n));
        if (started.status() == 409) {
            return null; // already done in an earlier run of the loader
        }
        attempts.incrementAndGet();
        return started.expectOk("POST /api/attempts (" + assessment.definition().title() + ")");
    }

    private JsonNode answerAndSubmit(Gateway.Caller student, String s, Assessments.Defined assessment, JsonNode started, String occasion) {
        String attempt = started.path("attemptId").asText();
        String form = started.path("formId").asText();
        List<Map<String, String>> responses = Assessments.respond(assessment, form, started.path("form").path("items"), s, model, occasion);
        Gateway.Response submitted = submit(student, attempt, Map.of("responses", responses));
        if (submitted == null) {
            return null;
        }
        JsonNode answer = submitted.json();
        autoScored.incrementAndGet();
        for (JsonNode score : answer.path("scores")) {
            String code = curriculum.codeById.get(score.path("competencyId").asText());
            if (code != null) {
                record(s, code, (int) Math.floor(score.path("score").asDouble(1)));
            }
        }
        return answer;
    }

    private Gateway.Response submit(Gateway.Caller student, String attempt, Map<String, Object> body) {
        Gateway.Response submitted = student.post("/api/attempts/" + attempt + "/submit", body);
        if (submitted.status() == 409) {
            return null; // submitted in an earlier run
        }
        submitted.expectOk("POST /api/attempts/" + attempt + "/submit");
        return submitted;
    }

    private static String feedback(List<Map<String, Object>> criteria) {
        int min = criteria.stream().mapToInt(c -> (Integer) c.get("level")).min().orElse(3);
        if (min >= 4) {
            return "Excellent work: clear unit rates and a convincing recommendation.";
        }
        if (min == 3) {
            return "Solid work. Label every unit rate with its units to make the comparison easier to follow.";
        }
        return "Good start. Let's find the unit rates together in class tomorrow, then revise your recommendation.";
    }

    // ---------------------------------------------------------------- goals, reflections, tutoring, overrides

    void voices(String demoStudent, LocalDate today) throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (District.SchoolClass c : district.classes) {
            for (String s : c.students()) {
                LearnerModel.Learner learner = model.learner(s);
                var r = model.random("voices", s);
                boolean demo = s.equals(demoStudent);
                boolean goal = demo || r.nextDouble() < 0.3;
                boolean reflect = demo || r.nextDouble() < 0.2;
                boolean tutor = learner.ability() > 0.6 && r.nextDouble() < 0.6;
                if (!goal && !reflect && !tutor) {
                    continue;
                }
                work.add(() -> {
                    voice(c, s, goal, reflect, tutor, today);
                    return null;
                });
            }
        }
        for (Future<Void> f : pool.invokeAll(work)) {
            f.get();
        }
        // each teacher records an override: mastery they saw in class that the evidence does not show yet
        List<Callable<Void>> overridesWork = new ArrayList<>();
        Set<String> seenTeachers = ConcurrentHashMap.newKeySet();
        for (District.SchoolClass c : district.classes) {
            if (!seenTeachers.add(c.teachers().get(0))) {
                continue;
            }
            overridesWork.add(() -> {
                override(c, today);
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(overridesWork)) {
            f.get();
        }
    }

    private void voice(District.SchoolClass c, String s, boolean goal, boolean reflect, boolean tutor, LocalDate today) {
        Gateway.Caller student = student(s);
        String base = "/api/students/" + id(s);
        if (goal) {
            JsonNode steps = student.get(base + "/next-steps").json();
            String competency = null;
            for (JsonNode step : steps.isArray() ? steps : steps.path("steps")) {
                competency = step.path("competencyId").asText(null);
                if (competency != null) {
                    break;
                }
            }
            if (competency == null) {
                List<String> course = courseKey(c).equals("math6") ? Curriculum.MATH_6 : Curriculum.MATH_7A;
                competency = curriculum.id(course.get(Math.floorMod(s.hashCode(), 4) + 6));
            }
            Gateway.Response set = student.post(base + "/goals", Map.of("competencyId", competency,
                    "targetDate", today.plusDays(14 + Math.floorMod(s.hashCode(), 21)).toString(),
                    "note", "Practise two sets a week and ask for help on Thursdays."));
            if (set.ok()) {
                goals.incrementAndGet();
            } else {
                problems.add("goal for " + s + ": " + set.status() + " " + set.shortBody());
            }
        }
        if (reflect) {
            String code = courseKey(c).equals("math6") ? "6.RP.A.3b.LT1" : "7.RP.A.2b.LT1";
            Gateway.Response r = student.post(base + "/reflections", Map.of("competencyId", curriculum.id(code),
                    "text", "A double number line helps me see the unit rate. I still mix up which quantity goes first."));
            if (r.ok()) {
                reflections.incrementAndGet();
            } else {
                problems.add("reflection for " + s + ": " + r.status() + " " + r.shortBody());
            }
        }
        if (tutor) {
            Gateway.Response t = student.put(base + "/peer-tutoring", Map.of("optedIn", true));
            if (t.ok()) {
                tutors.incrementAndGet();
            }
        }
    }

    private void override(District.SchoolClass c, LocalDate today) {
        Gateway.Caller teacher = teacherOf(c);
        String code = courseKey(c).equals("math6") ? "6.RP.A.2.LT2" : "7.RP.A.1.LT2";
        // the student in the class the model says knows it best
        String best = null;
        double k = -1;
        for (String s : c.students()) {
            double ks = model.knowledge(s, code);
            if (ks > k) {
                k = ks;
                best = s;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", "MASTERED");
        body.put("reasonCode", "OBSERVED_IN_CLASS");
        body.put("reason", "Explained the unit rate to the class at the board, with the units, without help.");
        if (Math.floorMod(c.sourcedId().hashCode(), 2) == 0) {
            body.put("expiresAt", today.plusDays(45).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        }
        Gateway.Response applied = teacher.post("/api/students/" + id(best) + "/competencies/" + curriculum.id(code) + "/override", body);
        if (applied.ok()) {
            overrides.incrementAndGet();
        } else {
            problems.add("override in " + c.title() + ": " + applied.status() + " " + applied.shortBody());
        }
    }

    /** Evidence the loader produced for a student (one per competency per result). */
    int evidenceSent(String student) {
        int n = 0;
        for (Map.Entry<String, List<Integer>> e : levels.entrySet()) {
            if (e.getKey().startsWith(student + "|")) {
                n += e.getValue().size();
            }
        }
        return n;
    }

    /**
     * Waits until progression has decided on, and reporting shows, everything sent for a sample of
     * students — the last of every class, the last few who retook the test (their evidence was sent
     * last) and the demo student — so that the district is complete in every view when the loader says
     * it is loaded. Each read is one the student could make of their own record. Returns the students
     * of the sample that were complete in time, out of {@link #sample}.
     */
    int settle(String demoStudent, long maxWaitMillis) {
        sample.clear();
        for (District.SchoolClass c : district.classes) {
            sample.add(c.students().get(c.students().size() - 1));
        }
        List<String> retakers = new ArrayList<>(retaken);
        sample.addAll(retakers.subList(Math.max(0, retakers.size() - 8), retakers.size()));
        sample.add(demoStudent);
        Map<String, Integer> pending = new LinkedHashMap<>();
        sample.forEach(s -> pending.put(s, evidenceSent(s)));
        long deadline = System.currentTimeMillis() + maxWaitMillis;
        while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
            pending.entrySet().removeIf(p -> counted(p.getKey()) >= p.getValue());
            if (!pending.isEmpty()) {
                Gateway.pause(2000);
            }
        }
        return sample.size() - pending.size();
    }

    final List<String> sample = new ArrayList<>();
    private final List<String> retaken = new CopyOnWriteArrayList<>();

    /** Evidence records progression and then reporting count for the student (the smaller of the two). */
    private int counted(String s) {
        Gateway.Caller student = student(s);
        int progression = 0;
        for (JsonNode c : student.get("/api/students/" + id(s) + "/progression").json().path("competencies")) {
            progression += c.path("evidenceCount").asInt();
        }
        if (progression < evidenceSent(s)) {
            return progression;
        }
        int reporting = 0;
        for (JsonNode c : student.get("/api/reports/students/" + id(s)).json().path("competencies")) {
            reporting += c.path("evidenceCount").asInt();
        }
        return Math.min(progression, reporting);
    }

    static int size(Collection<?> c) {
        return c.size();
    }
}

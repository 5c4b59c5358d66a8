package org.mastery.demo;

import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A small, seeded model of how the demo students learn. Each student has an ability (how well they
 * perform at a given level of knowledge), a pace (how much a lesson or a practice session moves them)
 * and, for about a quarter of them, one or two competencies they struggle with (lessons and practice
 * help half as much there, until a teacher intervenes). Knowledge of a competency is a number in
 * [0, 1]: it starts from what the student brings (grade 5 ideas are mostly known; new ones are not)
 * and grows with each lesson, practice session and intervention, with diminishing returns.
 *
 * <p>Every draw comes from a random generator seeded by the model's seed and the names of what is
 * drawn (student, competency, week, what for), so a run gives the same district whatever the order
 * the parallel clients take, and two runs with the same seed give the same semester.
 */
final class LearnerModel {

    record Learner(String student, double ability, double pace, Set<String> struggles) {
    }

    /** Competencies that students often find hard: struggles are drawn from these first. */
    static final List<String> OFTEN_HARD = List.of("6.RP.A.1.LT2", "6.RP.A.3a.LT2", "6.RP.A.3a.LT3", "6.RP.A.3b.LT1",
            "7.RP.A.1.LT2", "7.RP.A.2a.LT2", "7.RP.A.2b.LT1");

    private final long seed;
    private final Map<String, Learner> learners = new ConcurrentHashMap<>();
    private final Map<String, Double> knowledge = new ConcurrentHashMap<>();
    private final Map<String, Double> difficulty;

    LearnerModel(long seed, Map<String, Double> difficulty) {
        this.seed = seed;
        this.difficulty = difficulty;
    }

    /** A generator for one named draw: the same names always give the same numbers. */
    SplittableRandom random(String... names) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (String name : names) {
            for (int i = 0; i < name.length(); i++) {
                h = (h ^ name.charAt(i)) * 0x100000001B3L;
            }
            h = Long.rotateLeft(h, 29) ^ 0x2545F4914F6CDD1DL;
        }
        return new SplittableRandom(h);
    }

    static double gaussian(SplittableRandom r) {
        double u = Math.max(1e-12, r.nextDouble());
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Adds a student: {@code boost} shifts ability (accelerated classes), {@code courseCodes} are where struggles may lie. */
    Learner enrol(String student, double boost, List<String> courseCodes) {
        SplittableRandom r = random("learner", student);
        double ability = clamp(gaussian(r) + boost, -2.2, 2.5);
        double pace = clamp(Math.exp(0.3 * gaussian(r)), 0.55, 1.8);
        Set<String> struggles = new LinkedHashSet<>();
        if (r.nextDouble() < 0.27) {
            int count = r.nextDouble() < 0.35 ? 2 : 1;
            List<String> hard = OFTEN_HARD.stream().filter(courseCodes::contains).toList();
            while (struggles.size() < count) {
                struggles.add(!hard.isEmpty() && r.nextDouble() < 0.7 ? hard.get(r.nextInt(hard.size())) : courseCodes.get(r.nextInt(courseCodes.size())));
            }
        }
        Learner learner = new Learner(student, ability, pace, Set.copyOf(struggles));
        learners.put(student, learner);
        return learner;
    }

    Learner learner(String student) {
        Learner learner = learners.get(student);
        if (learner == null) {
            throw new IllegalStateException("unknown student " + student);
        }
        return learner;
    }

    /** What the student knows of the competency before any lesson this semester. */
    private double prior(String student, String code) {
        Learner l = learner(student);
        SplittableRandom r = random("prior", student, code);
        double base;
        if (code.startsWith("5.")) {
            base = 0.58 + 0.12 * l.ability();
        } else if (code.startsWith("6.") && !l.struggles().isEmpty() && l.ability() < -1.5) {
            base = 0.15;
        } else {
            base = 0.08 + 0.04 * l.ability();
        }
        return clamp(base + 0.08 * gaussian(r), 0.0, 0.9);
    }

    /** Prior knowledge that an accelerated student brings from an earlier course (grade 6 ideas for grade 7). */
    void bringsFromEarlierCourse(String student, String code) {
        Learner l = learner(student);
        SplittableRandom r = random("earlier", student, code);
        knowledge.put(key(student, code), clamp(0.62 + 0.1 * l.ability() + 0.08 * gaussian(r), 0.2, 0.95));
    }

    double knowledge(String student, String code) {
        return knowledge.computeIfAbsent(key(student, code), k -> prior(student, code));
    }

    boolean struggles(String student, String code) {
        return learner(student).struggles().contains(code);
    }

    /** A lesson on the competency. */
    void teach(String student, String code) {
        grow(student, code, 0.34);
    }

    /** A practice session. */
    void practise(String student, String code) {
        grow(student, code, 0.16);
    }

    /** A teacher's small-group or one-to-one intervention: it also lifts the struggle. */
    void intervene(String student, String code) {
        double k = knowledge(student, code);
        knowledge.put(key(student, code), k + 0.32 * (1 - k));
    }

    private void grow(String student, String code, double dose) {
        Learner l = learner(student);
        double factor = l.struggles().contains(code) ? 0.4 : 1.0;
        double k = knowledge(student, code);
        knowledge.put(key(student, code), k + Math.min(0.9, dose * l.pace() * factor) * (1 - k));
    }

    /** Probability of answering an item on the competency correctly now. */
    double pCorrect(String student, String code) {
        Learner l = learner(student);
        double d = difficulty.getOrDefault(code, 0.0);
        double z = 6.0 * (knowledge(student, code) - 0.5) + 0.55 * l.ability() - 0.7 * d + 0.9;
        return 1 / (1 + Math.exp(-z));
    }

    /** Whether the student answers one item right ({@code names} identify the item and the occasion). */
    boolean answersCorrectly(String student, String code, String... names) {
        return random(concat("answer", student, code, names)).nextDouble() < pCorrect(student, code);
    }

    /** Share of {@code items} practice questions answered right (what a practice tool reports). */
    double practiceScore(String student, String code, int items, String... names) {
        SplittableRandom r = random(concat("practice", student, code, names));
        double p = pCorrect(student, code);
        int right = 0;
        for (int i = 0; i < items; i++) {
            if (r.nextDouble() < p) {
                right++;
            }
        }
        return right / (double) items;
    }

    /** A rubric level (1–4) a teacher would give for work on the competency now. */
    int rubricLevel(String student, String code, String... names) {
        SplittableRandom r = random(concat("rubric", student, code, names));
        double p = pCorrect(student, code);
        double level = 1 + 3.4 * p + 0.45 * gaussian(r) - 0.2;
        return (int) Math.max(1, Math.min(4, Math.round(level)));
    }

    private static String[] concat(String kind, String student, String code, String... names) {
        String[] all = new String[names.length + 3];
        all[0] = kind;
        all[1] = student;
        all[2] = code;
        System.arraycopy(names, 0, all, 3, names.length);
        return all;
    }

    private static String key(String student, String code) {
        return student + "|" + code;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}

package org.mastery.reporting.leader.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mastery.reporting.projection.query.Derivations;
import org.mastery.reporting.projection.query.RollContribution;

/**
 * Leader figures over a set of students' contributions (a school, or all schools of a district):
 * mastery rate per competency, median time to mastery, pace, open interventions and credits. Every
 * figure carries the size of the group it is about, for suppression.
 */
public final class Rollup {

    public record CompetencyFigures(String competencyId, long students, long mastered, Double masteryRate,
                                    long masteredWithTiming, Double medianDaysToMastery, long openInterventions) {
    }

    public record PaceBand(String band, long students) {
    }

    public record Figures(long students, long activeStudents, Double overallMasteryRate, long masteredWithTiming,
                          Double medianDaysToMastery, List<CompetencyFigures> competencies, List<PaceBand> pace,
                          long studentsWithOpenInterventions, long openInterventions, long studentsWithCredits,
                          double creditsEarned, long coursesCompleted) {
    }

    private Rollup() {
    }

    /**
     * @param paceLimits ascending competencies-per-30-days limits between bands
     */
    public static Figures of(Collection<RollContribution> contributions, List<Double> paceLimits) {
        Map<String, List<RollContribution.CompetencyFacts>> byCompetency = new TreeMap<>();
        List<Double> allDays = new ArrayList<>();
        long active = 0;
        long pairs = 0;
        long masteredPairs = 0;
        long[] paceCounts = new long[paceLimits.size() + 2];
        long withInterventions = 0;
        long openInterventions = 0;
        long withCredits = 0;
        double credits = 0;
        long courses = 0;
        for (RollContribution c : contributions) {
            boolean any = false;
            long mastered = 0;
            for (var e : c.competencies.entrySet()) {
                RollContribution.CompetencyFacts f = e.getValue();
                if (Derivations.NOT_STARTED.equals(f.state) && f.firstEvidenceAt == null && !f.openIntervention) {
                    continue;
                }
                any = true;
                pairs++;
                byCompetency.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(f);
                if (Derivations.MASTERED.equals(f.state)) {
                    masteredPairs++;
                    mastered++;
                    Double days = days(f.firstEvidenceAt, f.masteredAt);
                    if (days != null) {
                        allDays.add(days);
                    }
                }
            }
            if (any) {
                active++;
            }
            if (c.firstEvidenceAt == null) {
                paceCounts[0]++; // not started
            } else {
                Instant last = c.lastActivityAt != null ? c.lastActivityAt : c.firstEvidenceAt;
                double months = Math.max(1.0, Duration.between(c.firstEvidenceAt, last).toHours() / 24.0 / 30.0);
                double rate = mastered / months;
                int band = 0;
                while (band < paceLimits.size() && rate >= paceLimits.get(band)) {
                    band++;
                }
                paceCounts[band + 1]++;
            }
            if (c.openInterventions > 0) {
                withInterventions++;
                openInterventions += c.openInterventions;
            }
            if (c.coursesCompleted > 0 || c.creditsEarned > 0) {
                withCredits++;
            }
            credits += c.creditsEarned;
            courses += c.coursesCompleted;
        }
        List<CompetencyFigures> competencies = new ArrayList<>();
        byCompetency.forEach((id, facts) -> {
            long mastered = facts.stream().filter(f -> Derivations.MASTERED.equals(f.state)).count();
            List<Double> days = new ArrayList<>();
            facts.forEach(f -> {
                if (Derivations.MASTERED.equals(f.state)) {
                    Double d = days(f.firstEvidenceAt, f.masteredAt);
                    if (d != null) {
                        days.add(d);
                    }
                }
            });
            long open = facts.stream().filter(f -> f.openIntervention).count();
            competencies.add(new CompetencyFigures(id, facts.size(), mastered, round((double) mastered / facts.size(), 4),
                    days.size(), median(days), open));
        });
        List<PaceBand> pace = new ArrayList<>();
        pace.add(new PaceBand("NOT_STARTED", paceCounts[0]));
        for (int i = 0; i <= paceLimits.size(); i++) {
            String label = i == 0 ? "<" + num(paceLimits.get(0))
                    : i == paceLimits.size() ? ">=" + num(paceLimits.get(i - 1))
                    : num(paceLimits.get(i - 1)) + "-" + num(paceLimits.get(i));
            pace.add(new PaceBand(label, paceCounts[i + 1]));
        }
        return new Figures(contributions.size(), active, pairs == 0 ? null : round((double) masteredPairs / pairs, 4),
                allDays.size(), median(allDays), competencies, pace, withInterventions, openInterventions, withCredits,
                round(credits, 2), courses);
    }

    /** Distinct students behind a set of contributions (a district counts each student once). */
    public static Set<String> distinct(Collection<String> ids) {
        return new HashSet<>(ids);
    }

    static Double days(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return null;
        }
        return Duration.between(from, to).toMinutes() / 1440.0;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return round(m, 1);
    }

    static Double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}

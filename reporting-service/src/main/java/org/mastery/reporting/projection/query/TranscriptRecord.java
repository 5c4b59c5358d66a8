package org.mastery.reporting.projection.query;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** A student's competency-based transcript as stored: mastered competencies and earned credits, by id. */
public class TranscriptRecord {

    public String studentId;
    public String schoolId;
    public TreeSet<String> classIds = new TreeSet<>();
    public TreeMap<String, MasteredCompetency> mastered = new TreeMap<>();
    public TreeMap<String, EarnedCredit> credits = new TreeMap<>();

    public static class MasteredCompetency {
        public Instant masteredAt;
        public Double value;
        public String overrideId;
        public EvidenceSummary evidence;
    }

    public static class EvidenceSummary {
        public int count;
        public TreeSet<String> methods = new TreeSet<>();
        public TreeSet<String> assessmentTypes = new TreeSet<>();
        public TreeSet<String> assessmentIds = new TreeSet<>();
        public Instant firstObservedAt;
        public Instant lastObservedAt;
        public Double highestScore;
    }

    public static class EarnedCredit {
        public double credits;
        public List<String> competencyIds;
        public Instant earnedAt;
    }
}

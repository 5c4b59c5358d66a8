package org.mastery.reporting.projection.query;

import java.time.Instant;
import java.util.TreeMap;

/** What one student adds to their school's roll-up; no names, nothing but states, times and counts. */
public class RollContribution {

    public String gradeLevel;
    public TreeMap<String, CompetencyFacts> competencies = new TreeMap<>();
    public int openInterventions;
    public double creditsEarned;
    public int coursesCompleted;
    public Instant firstEvidenceAt;
    public Instant lastActivityAt;

    public static class CompetencyFacts {
        public String state;
        public Instant firstEvidenceAt;
        public Instant masteredAt;
        public boolean openIntervention;
    }
}

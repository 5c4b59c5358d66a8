package org.mastery.reporting.projection.query;

import java.time.Instant;
import java.util.TreeMap;

/** One student's row in a class map: a cell per competency the student has data on. */
public class ClassRow {

    public String studentId;
    public TreeMap<String, Cell> cells = new TreeMap<>();
    public boolean peerTutor;
    /** Open intervention recommendations by competency. */
    public TreeMap<String, OpenIntervention> interventions = new TreeMap<>();

    public static class Cell {
        public String state;
        public String phaseId;
        public Double value;
        public int evidenceCount;
        public Instant lastEvidenceAt;
        public Instant masteredAt;
    }

    public static class OpenIntervention {
        public String interventionId;
        public String reason;
        public Instant since;
    }
}

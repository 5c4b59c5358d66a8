package org.mastery.progression.journey.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mastery.progression.journey.domain.Explanation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One student's progression as the read API serves it: one document, fetched and written by {@code _id}. */
@Document("progression_views")
public class ProgressionView {

    @Id
    public String studentId;
    /** The journey's last sequence number applied: an event at or below it is a redelivery. */
    public long appliedThrough = -1;
    public List<CompetencyProgress> competencies = new ArrayList<>();
    public List<GoalEntry> goals = new ArrayList<>();
    public List<ReflectionEntry> reflections = new ArrayList<>();
    public List<String> unlocked = new ArrayList<>();
    public List<CreditEntry> credits = new ArrayList<>();
    public boolean peerTutor;

    public static class CompetencyProgress {
        public String competencyId;
        public String state = "NOT_STARTED";
        public Double value;
        public Integer level;
        public String phaseId;
        public int evidenceCount;
        public Instant lastEvidenceAt;
        public Explanation explanation;
        public String overrideId;
        public String openInterventionId;
        public Instant decidedAt;
    }

    public record GoalEntry(String goalId, String competencyId, LocalDate targetDate, boolean achieved, Instant setAt) {
    }

    public record ReflectionEntry(String reflectionId, String competencyId, Instant recordedAt) {
    }

    public record CreditEntry(String courseId, double credits, Instant earnedAt) {
    }

    public CompetencyProgress competency(String competencyId) {
        for (CompetencyProgress c : competencies) {
            if (c.competencyId.equals(competencyId)) {
                return c;
            }
        }
        CompetencyProgress created = new CompetencyProgress();
        created.competencyId = competencyId;
        competencies.add(created);
        competencies.sort(java.util.Comparator.comparing(c -> c.competencyId));
        return created;
    }

    public CompetencyProgress find(String competencyId) {
        return competencies.stream().filter(c -> c.competencyId.equals(competencyId)).findFirst().orElse(null);
    }
}

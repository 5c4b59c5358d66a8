package org.mastery.contracts.progression;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of this contract: its CloudEvents {@code type}, topic, data record and version.
 * The JSON Schema of each is the classpath resource {@link #schemaResource()}; a golden sample
 * CloudEvent is at {@link #sampleResource()}.
 */
public enum ProgressionEventType {

    EVIDENCE_ACCEPTED(EvidenceAccepted.TYPE, ProgressionTopics.DECISIONS, EvidenceAccepted.class, 1),
    EVIDENCE_WITHDRAWN(EvidenceWithdrawn.TYPE, ProgressionTopics.DECISIONS, EvidenceWithdrawn.class, 1),
    MASTERY_LEVEL_CHANGED(MasteryLevelChanged.TYPE, ProgressionTopics.DECISIONS, MasteryLevelChanged.class, 1),
    COMPETENCY_MASTERED(CompetencyMastered.TYPE, ProgressionTopics.DECISIONS, CompetencyMastered.class, 1),
    MASTERY_LAPSED(MasteryLapsed.TYPE, ProgressionTopics.DECISIONS, MasteryLapsed.class, 1),
    COMPETENCY_UNLOCKED(CompetencyUnlocked.TYPE, ProgressionTopics.DECISIONS, CompetencyUnlocked.class, 1),
    INTERVENTION_RECOMMENDED(InterventionRecommended.TYPE, ProgressionTopics.DECISIONS, InterventionRecommended.class, 1),
    INTERVENTION_RESOLVED(InterventionResolved.TYPE, ProgressionTopics.DECISIONS, InterventionResolved.class, 1),
    REASSESSMENT_UNLOCKED(ReassessmentUnlocked.TYPE, ProgressionTopics.DECISIONS, ReassessmentUnlocked.class, 1),
    COURSE_CREDIT_EARNED(CourseCreditEarned.TYPE, ProgressionTopics.DECISIONS, CourseCreditEarned.class, 1),
    TEACHER_OVERRIDE_APPLIED(TeacherOverrideApplied.TYPE, ProgressionTopics.DECISIONS, TeacherOverrideApplied.class, 1),
    TEACHER_OVERRIDE_EXPIRED(TeacherOverrideExpired.TYPE, ProgressionTopics.DECISIONS, TeacherOverrideExpired.class, 1),
    GOAL_ACHIEVED(GoalAchieved.TYPE, ProgressionTopics.DECISIONS, GoalAchieved.class, 1),
    GOAL_SET(GoalSet.TYPE, ProgressionTopics.JOURNEYS, GoalSet.class, 1),
    REFLECTION_RECORDED(ReflectionRecorded.TYPE, ProgressionTopics.JOURNEYS, ReflectionRecorded.class, 1),
    PEER_TUTORING_OPTED_IN(PeerTutoringOptedIn.TYPE, ProgressionTopics.JOURNEYS, PeerTutoringOptedIn.class, 1),
    PEER_TUTORING_OPTED_OUT(PeerTutoringOptedOut.TYPE, ProgressionTopics.JOURNEYS, PeerTutoringOptedOut.class, 1);

    private final String type;
    private final String topic;
    private final Class<?> dataClass;
    private final int version;

    ProgressionEventType(String type, String topic, Class<?> dataClass, int version) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
        this.version = version;
    }

    /** The CloudEvents {@code type}, e.g. {@code progression.EvidenceAccepted}. */
    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<?> dataClass() {
        return dataClass;
    }

    /** The contract version of {@code data}; additive changes keep it, breaking ones go to a new topic. */
    public int version() {
        return version;
    }

    /** The {@code dataschema} URI published with each event of this type. */
    public String dataSchema() {
        return "urn:mastery:schema:" + type + ":v" + version;
    }

    /** The JSON Schema of {@code data}, as a classpath resource. */
    public String schemaResource() {
        return "/schemas/" + type + ".v" + version + ".schema.json";
    }

    /** A golden sample of the whole CloudEvent, as a classpath resource. */
    public String sampleResource() {
        return "/samples/" + type + ".v" + version + ".json";
    }

    public static Optional<ProgressionEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}

package org.mastery.contracts.assessment;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of this contract: its CloudEvents {@code type}, topic, data record and version.
 * The JSON Schema of each is the classpath resource {@link #schemaResource()}; a golden sample
 * CloudEvent is at {@link #sampleResource()}.
 */
public enum AssessmentEventType {

    ASSESSMENT_DEFINED(AssessmentDefined.TYPE, AssessmentTopics.ASSESSMENTS, AssessmentDefined.class, 1),
    ASSESSMENT_RETIRED(AssessmentRetired.TYPE, AssessmentTopics.ASSESSMENTS, AssessmentRetired.class, 1),
    ATTEMPT_STARTED(AttemptStarted.TYPE, AssessmentTopics.ATTEMPTS, AttemptStarted.class, 1),
    ATTEMPT_SUBMITTED(AttemptSubmitted.TYPE, AssessmentTopics.ATTEMPTS, AttemptSubmitted.class, 1),
    ATTEMPT_SCORED(AttemptScored.TYPE, AssessmentTopics.ATTEMPTS, AttemptScored.class, 1),
    ATTEMPT_RESCORED(AttemptRescored.TYPE, AssessmentTopics.ATTEMPTS, AttemptRescored.class, 1),
    ATTEMPT_VOIDED(AttemptVoided.TYPE, AssessmentTopics.ATTEMPTS, AttemptVoided.class, 1),
    EVIDENCE_RECORDED(EvidenceRecorded.TYPE, AssessmentTopics.EVIDENCE, EvidenceRecorded.class, 1),
    EVIDENCE_VOIDED(EvidenceVoided.TYPE, AssessmentTopics.EVIDENCE, EvidenceVoided.class, 1);

    private final String type;
    private final String topic;
    private final Class<?> dataClass;
    private final int version;

    AssessmentEventType(String type, String topic, Class<?> dataClass, int version) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
        this.version = version;
    }

    /** The CloudEvents {@code type}, e.g. {@code assessment.AssessmentDefined}. */
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

    public static Optional<AssessmentEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}

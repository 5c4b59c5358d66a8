package org.mastery.contracts.roster;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of this contract: its CloudEvents {@code type}, topic, data record and version.
 * The JSON Schema of each is the classpath resource {@link #schemaResource()}; a golden sample
 * CloudEvent is at {@link #sampleResource()}.
 */
public enum RosterEventType {

    ORGANIZATION_REGISTERED(OrganizationRegistered.TYPE, RosterTopics.ORGANIZATIONS, OrganizationRegistered.class, 1),
    LEADER_ASSIGNED(LeaderAssigned.TYPE, RosterTopics.ORGANIZATIONS, LeaderAssigned.class, 1),
    LEADER_UNASSIGNED(LeaderUnassigned.TYPE, RosterTopics.ORGANIZATIONS, LeaderUnassigned.class, 1),
    CLASS_CREATED(ClassCreated.TYPE, RosterTopics.CLASSES, ClassCreated.class, 1),
    TEACHER_ASSIGNED(TeacherAssigned.TYPE, RosterTopics.CLASSES, TeacherAssigned.class, 1),
    TEACHER_UNASSIGNED(TeacherUnassigned.TYPE, RosterTopics.CLASSES, TeacherUnassigned.class, 1),
    STUDENT_REGISTERED(StudentRegistered.TYPE, RosterTopics.ENROLLMENTS, StudentRegistered.class, 1),
    STUDENT_ENROLLED(StudentEnrolled.TYPE, RosterTopics.ENROLLMENTS, StudentEnrolled.class, 1),
    STUDENT_UNENROLLED(StudentUnenrolled.TYPE, RosterTopics.ENROLLMENTS, StudentUnenrolled.class, 1),
    GUARDIAN_LINKED(GuardianLinked.TYPE, RosterTopics.ENROLLMENTS, GuardianLinked.class, 1),
    GUARDIAN_UNLINKED(GuardianUnlinked.TYPE, RosterTopics.ENROLLMENTS, GuardianUnlinked.class, 1),
    PERSONAL_DATA_ERASED(PersonalDataErased.TYPE, RosterTopics.ENROLLMENTS, PersonalDataErased.class, 1);

    private final String type;
    private final String topic;
    private final Class<?> dataClass;
    private final int version;

    RosterEventType(String type, String topic, Class<?> dataClass, int version) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
        this.version = version;
    }

    /** The CloudEvents {@code type}, e.g. {@code roster.OrganizationRegistered}. */
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

    public static Optional<RosterEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}

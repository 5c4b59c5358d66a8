package org.mastery.contracts.access;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of this contract: its CloudEvents {@code type}, data record and version. The
 * disclosure event is written by several services, each on its own topic ({@link AccessTopics#disclosures(String)}).
 */
public enum AccessEventType {

    STUDENT_RECORD_DISCLOSED(StudentRecordDisclosed.TYPE, StudentRecordDisclosed.class, 1);

    private final String type;
    private final Class<?> dataClass;
    private final int version;

    AccessEventType(String type, Class<?> dataClass, int version) {
        this.type = type;
        this.dataClass = dataClass;
        this.version = version;
    }

    /** The CloudEvents {@code type}, e.g. {@code access.StudentRecordDisclosed}. */
    public String type() {
        return type;
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

    public static Optional<AccessEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}

package org.mastery.contracts.curriculum;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of this contract: its CloudEvents {@code type}, topic, data record and version.
 * The JSON Schema of each is the classpath resource {@link #schemaResource()}; a golden sample
 * CloudEvent is at {@link #sampleResource()}.
 */
public enum CurriculumEventType {

    FRAMEWORK_DRAFTED(FrameworkDrafted.TYPE, CurriculumTopics.FRAMEWORKS, FrameworkDrafted.class, 1),
    FRAMEWORK_PUBLISHED(FrameworkPublished.TYPE, CurriculumTopics.FRAMEWORKS, FrameworkPublished.class, 1),
    FRAMEWORK_RETIRED(FrameworkRetired.TYPE, CurriculumTopics.FRAMEWORKS, FrameworkRetired.class, 1),
    COMPETENCY_DEFINED(CompetencyDefined.TYPE, CurriculumTopics.FRAMEWORKS, CompetencyDefined.class, 1),
    COMPETENCY_REVISED(CompetencyRevised.TYPE, CurriculumTopics.FRAMEWORKS, CompetencyRevised.class, 1),
    COMPETENCY_RETIRED(CompetencyRetired.TYPE, CurriculumTopics.FRAMEWORKS, CompetencyRetired.class, 1),
    COURSE_DEFINED(CourseDefined.TYPE, CurriculumTopics.COURSES, CourseDefined.class, 1),
    COURSE_REVISED(CourseRevised.TYPE, CurriculumTopics.COURSES, CourseRevised.class, 1);

    private final String type;
    private final String topic;
    private final Class<?> dataClass;
    private final int version;

    CurriculumEventType(String type, String topic, Class<?> dataClass, int version) {
        this.type = type;
        this.topic = topic;
        this.dataClass = dataClass;
        this.version = version;
    }

    /** The CloudEvents {@code type}, e.g. {@code curriculum.FrameworkDrafted}. */
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

    public static Optional<CurriculumEventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}

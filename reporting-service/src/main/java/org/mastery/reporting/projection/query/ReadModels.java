package org.mastery.reporting.projection.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/** The read model collections and the JSON form their documents take. */
public final class ReadModels {

    /** One document per student: everything reporting knows of them; serves the tracker and guardian views. */
    public static final String STUDENT_PROGRESS = "student_progress";
    /** One document per student: the competency-based transcript. */
    public static final String TRANSCRIPTS = "transcripts";
    /** One document per class: the class, its teachers and its enrolled students (ids; their rows are in {@link #STUDENT_SUMMARIES}). */
    public static final String CLASS_MAPS = "class_maps";
    /** One document per school or district: its schools (district) and its students (ids; school). */
    public static final String ORG_ROLLS = "org_rolls";
    /**
     * One document per student: what the student shows in a class map (row) and in a roll-up
     * (contribution, no names). Kept apart from the class and school documents so that a student's
     * change rewrites a small document, not a document of every student in the school.
     */
    public static final String STUDENT_SUMMARIES = "student_summaries";
    /** One document per competency: its latest definition. */
    public static final String COMPETENCIES = "competencies";
    /** One document per course: its latest definition. */
    public static final String COURSES = "courses";
    /** One document per assessment: its latest definition. */
    public static final String ASSESSMENTS = "assessments";
    /** One document per person whose personal data was erased. */
    public static final String ERASED_PEOPLE = "erased_people";

    /** Every collection a rebuild drops and recreates from the streams. */
    public static final List<String> PROJECTIONS = List.of(STUDENT_PROGRESS, TRANSCRIPTS, CLASS_MAPS, ORG_ROLLS, STUDENT_SUMMARIES,
            COMPETENCIES, COURSES, ASSESSMENTS, ERASED_PEOPLE);

    /** Deterministic JSON: sorted keys, ISO instants, no nulls; tolerant of fields it does not know. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ReadModels() {
    }

    public static ObjectNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    public static JsonNode node(Object value) {
        return JSON.valueToTree(value);
    }

    public static <T> T read(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("read model document does not match " + type.getSimpleName(), e);
        }
    }
}

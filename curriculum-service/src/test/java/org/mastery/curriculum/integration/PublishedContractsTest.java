package org.mastery.curriculum.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.curriculum.CurriculumEventType;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.contracts.roster.RosterEventType;
import org.mastery.contracts.roster.RosterTopics;
import org.mastery.curriculum.support.ApiTest;
import org.mastery.testsupport.TopicProbe;
import org.mastery.testsupport.contracts.ContractSamples;
import org.springframework.http.HttpStatus;

/**
 * Drives every kind of change through HTTP and reads the five topics as an outside consumer would:
 * every event type of both contracts appears, each validates against its JSON Schema, binds to its
 * contract record, sits on its topic with the agreed key (and subject), and carries no names.
 */
class PublishedContractsTest extends ApiTest {

    @Test
    void everyPublishedEventMatchesItsContract() throws Exception {
        String teacher = unique("tch");
        String teacherToken = token(teacher, "TEACHER");
        // curriculum: drafted, competency defined/revised (draft), published (revised PUBLISHED), framework published, retired
        String fw = createFramework(teacherToken, "Contracts");
        String a = defineCompetency(fw, teacherToken, "K.1", List.of());
        String b = defineCompetency(fw, teacherToken, "K.2", List.of(a));
        expect(put("/api/competencies/" + b, Map.of("code", "K.2", "statement", "Reworded", "prerequisiteIds", List.of(a)), teacherToken),
                HttpStatus.OK);
        expect(post("/api/frameworks/" + fw + "/publish", null, teacherToken), HttpStatus.OK);
        String course = createCourse(List.of(a, b));
        expect(put("/api/courses/" + course, Map.of("code", "K", "title", "K", "subject", "Math", "credits", 2, "competencyIds", List.of(a)),
                ADMIN), HttpStatus.OK);
        String retiring = createFramework(teacherToken, "To retire");
        defineCompetency(retiring, teacherToken, "R.1", List.of());
        expect(post("/api/frameworks/" + retiring + "/retire", null, teacherToken), HttpStatus.OK);

        // roster: organisation, leader (un)assigned, class, teacher (un)assigned, student registered, (un)enrolled,
        // guardian (un)linked, personal data erased
        String district = createOrganization("DISTRICT", "Contract District", null);
        String school = createOrganization("SCHOOL", "Contract School", district);
        String leader = createPerson("LEADER", "Lea", "Leader", null);
        expect(post("/api/roster/organizations/" + school + "/leaders", Map.of("leaderId", leader), ADMIN), HttpStatus.OK);
        expect(delete("/api/roster/organizations/" + school + "/leaders/" + leader, ADMIN), HttpStatus.NO_CONTENT);
        String tch = createPerson("TEACHER", "Tess", "Teacher", school);
        String student = createPerson("STUDENT", "Zebulon", "Quixotewright", school);
        String guardian = createPerson("GUARDIAN", "Gwen", "Quixotewright", null);
        String cls = createClass(school, course, List.of(tch));
        expect(delete("/api/classes/" + cls + "/teachers/" + tch, ADMIN), HttpStatus.NO_CONTENT);
        expect(post("/api/classes/" + cls + "/enrollments", Map.of("studentId", student), ADMIN), HttpStatus.CREATED);
        expect(delete("/api/classes/" + cls + "/enrollments/" + student, ADMIN), HttpStatus.NO_CONTENT);
        expect(post("/api/roster/students/" + student + "/guardians", Map.of("guardianId", guardian, "relationship", "PARENT"), ADMIN),
                HttpStatus.OK);
        expect(delete("/api/roster/students/" + student + "/guardians/" + guardian, ADMIN), HttpStatus.NO_CONTENT);
        expect(delete("/api/roster/people/" + student + "/personal-data", ADMIN), HttpStatus.NO_CONTENT);

        Set<String> ours = Set.of(fw, retiring, course, district, school, cls, student);
        List<ConsumerRecord<String, byte[]>> records;
        try (TopicProbe probe = new TopicProbe(CurriculumTopics.FRAMEWORKS, CurriculumTopics.COURSES, RosterTopics.ORGANIZATIONS,
                RosterTopics.CLASSES, RosterTopics.ENROLLMENTS)) {
            records = probe.readUntil(seen -> typesOf(seen, ours).containsAll(allTypes()), Duration.ofSeconds(60));
        }
        List<String> checked = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!ours.contains(record.key())) {
                continue;
            }
            String raw = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(raw).doesNotContain("Quixotewright", "Zebulon", "Tess", "Gwen", "Lea\"");
            JsonNode event = json.readTree(record.value());
            String type = event.get("type").asText();
            JsonNode data = event.get("data");
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("source").asText()).isEqualTo("/mastery/curriculum");
            assertThat(event.get("partitionkey").asText()).isEqualTo(record.key());
            var curriculum = CurriculumEventType.ofType(type);
            var roster = RosterEventType.ofType(type);
            assertThat(curriculum.isPresent() || roster.isPresent()).as(type).isTrue();
            if (curriculum.isPresent()) {
                CurriculumEventType t = curriculum.get();
                assertThat(record.topic()).isEqualTo(t.topic());
                assertThat(event.get("dataschema").asText()).isEqualTo(t.dataSchema());
                ContractSamples.assertValid(CurriculumEventType.class, t.schemaResource(), data);
                ContractSamples.STRICT.treeToValue(data, t.dataClass());
            } else {
                RosterEventType t = roster.get();
                assertThat(record.topic()).isEqualTo(t.topic());
                assertThat(event.get("dataschema").asText()).isEqualTo(t.dataSchema());
                ContractSamples.assertValid(RosterEventType.class, t.schemaResource(), data);
                ContractSamples.STRICT.treeToValue(data, t.dataClass());
                if (t.topic().equals(RosterTopics.ENROLLMENTS)) {
                    String person = data.has("studentId") ? data.get("studentId").asText() : data.get("personId").asText();
                    assertThat(record.key()).isEqualTo(person);
                    assertThat(event.get("subject").asText()).isEqualTo(person);
                }
            }
            checked.add(type);
        }
        assertThat(checked).containsAll(allTypes());

        // the competency stream: DRAFT definitions, then a PUBLISHED version of each before FrameworkPublished
        List<JsonNode> frameworkEvents = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (fw.equals(record.key())) {
                frameworkEvents.add(json.readTree(record.value()));
            }
        }
        assertThat(frameworkEvents).extracting(e -> e.get("type").asText()).containsExactly("curriculum.FrameworkDrafted",
                "curriculum.CompetencyDefined", "curriculum.CompetencyDefined", "curriculum.CompetencyRevised",
                "curriculum.CompetencyRevised", "curriculum.CompetencyRevised", "curriculum.FrameworkPublished");
        assertThat(frameworkEvents.get(3).at("/data/competency/status").asText()).isEqualTo("DRAFT");
        assertThat(frameworkEvents.get(4).at("/data/competency/status").asText()).isEqualTo("PUBLISHED");
        assertThat(frameworkEvents.get(5).at("/data/competency/competencyVersion").asInt()).isEqualTo(3);
        assertThat(frameworkEvents.get(5).at("/data/previousVersion").asInt()).isEqualTo(2);
        assertThat(frameworkEvents.get(5).at("/data/competency/policy/policyVersion").asInt()).isEqualTo(1);
    }

    private static Set<String> allTypes() {
        Set<String> types = new java.util.HashSet<>();
        EnumSet.allOf(CurriculumEventType.class).forEach(t -> types.add(t.type()));
        EnumSet.allOf(RosterEventType.class).forEach(t -> types.add(t.type()));
        return types;
    }

    private Set<String> typesOf(List<ConsumerRecord<String, byte[]>> records, Set<String> keys) {
        Set<String> types = new java.util.HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (keys.contains(r.key())) {
                try {
                    types.add(json.readTree(r.value()).get("type").asText());
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return types;
    }
}

package org.mastery.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the loader sends, checked without a platform: the CASE package, the roster, the assessments, the learner model. */
class DemoDistrictContentTest {

    @Test
    void theCasePackageHasAtLeastFortyItemsInAHierarchyWithPrecedesPrerequisites() throws Exception {
        JsonNode pkg = Gateway.JSON.readTree(Curriculum.casePackage());
        JsonNode items = pkg.path("CFItems");
        assertThat(items.size()).isGreaterThanOrEqualTo(40);
        Set<String> types = new HashSet<>();
        Map<String, String> codeById = new HashMap<>();
        for (JsonNode item : items) {
            types.add(item.path("CFItemType").asText());
            assertThat(item.path("humanCodingScheme").asText()).isNotBlank();
            assertThat(item.path("fullStatement").asText()).isNotBlank();
            assertThat(item.path("educationLevel").size()).isPositive();
            codeById.put(item.path("identifier").asText(), item.path("humanCodingScheme").asText());
        }
        assertThat(types).contains("Domain", "Cluster", "Standard", "Learning Target");
        int precedes = 0;
        int childOf = 0;
        for (JsonNode a : pkg.path("CFAssociations")) {
            String type = a.path("associationType").asText();
            if (type.equals("precedes")) {
                precedes++;
                assertThat(codeById).containsKeys(a.path("originNodeURI").path("identifier").asText(),
                        a.path("destinationNodeURI").path("identifier").asText());
            } else if (type.equals("isChildOf")) {
                childOf++;
            }
        }
        assertThat(childOf).isEqualTo(items.size());
        assertThat(precedes).isGreaterThanOrEqualTo(20);
        // every code the courses and assessments name is in the package
        Set<String> codes = new HashSet<>(codeById.values());
        assertThat(codes).containsAll(Curriculum.MATH_6).containsAll(Curriculum.MATH_7A).containsAll(Curriculum.FOUNDATIONS)
                .contains("6.RP.A.1", "6.RP.A.2", "6.RP.A.3", "7.RP.A.1", "7.RP.A.2", "7.RP.A.3");
        for (String course : List.of("math6", "math7a")) {
            for (Assessments.Definition d : Assessments.forCourse(course)) {
                assertThat(codes).containsAll(d.codes());
            }
        }
        // the authoring file has a few non-default policies
        String authoring = Gateway.JSON.writeValueAsString(Curriculum.authoring());
        assertThat(authoring).contains("\"N_TIMES\"").contains("\"requiredMethods\"").contains("\"retention\":true");
    }

    @Test
    void theRosterHasTwoSchoolsEightClassesTwoHundredStudentsWithGuardiansAndStableIds() {
        District d = District.generate("maplevalley", 25, 2026);
        assertThat(d.schools).hasSize(2);
        assertThat(d.classes).hasSize(8);
        assertThat(d.students()).hasSize(200);
        assertThat(d.students()).allSatisfy(s -> assertThat(s.agents()).isNotEmpty());
        assertThat(d.guardians()).isNotEmpty();
        assertThat(d.teachers()).isNotEmpty();
        assertThat(d.leaders()).extracting(District.Person::role).contains("principal");
        assertThat(d.demoAccounts).containsKeys("demo-teacher", "demo-student", "demo-guardian", "demo-leader");

        // the same key gives the same sourcedIds (so a re-import maps to the same people), whatever the seed
        District again = District.generate("maplevalley", 25, 99);
        assertThat(again.people.keySet()).isEqualTo(d.people.keySet());
        assertThat(District.generate("other", 25, 2026).people.keySet()).doesNotContainAnyElementsOf(d.people.keySet());
        assertThat(d.oneRosterZip()).isNotEmpty();
        assertThat(d.oneRosterFiles()).containsKeys("orgs.csv", "users.csv", "classes.csv", "enrollments.csv");
    }

    @Test
    void assessmentsUseSeveralMethodsWithTwoOrThreeFormsForTheAttempts() {
        Set<String> methods = new HashSet<>();
        boolean summative = false;
        for (String course : List.of("math6", "math7a")) {
            for (Assessments.Definition d : Assessments.forCourse(course)) {
                methods.add(d.method());
                summative |= d.type().equals("SUMMATIVE");
                if (!d.method().equals("OBSERVATION")) {
                    assertThat(d.forms()).as(d.key()).isBetween(2, 3);
                }
                if (d.scoring().equals("RUBRIC")) {
                    assertThat(d.rubric()).as(d.key()).isNotEmpty();
                }
            }
        }
        assertThat(methods).contains("SELECTED_RESPONSE", "PERFORMANCE_TASK", "PROJECT", "OBSERVATION", "EXIT_TICKET");
        assertThat(summative).isTrue();
    }

    @Test
    void theLearnerModelIsSeededAndPracticeHelps() {
        Map<String, Double> difficulty = Map.of("6.RP.A.2.LT1", 0.2);
        LearnerModel a = new LearnerModel(7, difficulty);
        LearnerModel b = new LearnerModel(7, difficulty);
        a.enrol("s1", 0, Curriculum.MATH_6);
        b.enrol("s1", 0, Curriculum.MATH_6);
        assertThat(a.learner("s1")).isEqualTo(b.learner("s1"));
        double before = a.knowledge("s1", "6.RP.A.2.LT1");
        a.teach("s1", "6.RP.A.2.LT1");
        a.practise("s1", "6.RP.A.2.LT1");
        assertThat(a.knowledge("s1", "6.RP.A.2.LT1")).isGreaterThan(before);
        // students differ
        Set<Double> abilities = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            abilities.add(a.enrol("x" + i, 0, Curriculum.MATH_6).ability());
        }
        assertThat(abilities.size()).isGreaterThan(10);
        // the item bank answers its own items
        ItemBank.Item item = ItemBank.item("6.RP.A.2.LT1", new SplittableRandom(1));
        assertThat(item.answers()).isNotEmpty();
        assertThat(item.answers()).doesNotContain(item.typicalError());
    }
}

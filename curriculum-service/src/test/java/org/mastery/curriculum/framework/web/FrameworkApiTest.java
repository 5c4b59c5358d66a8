package org.mastery.curriculum.framework.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastery.curriculum.support.ApiTest;
import org.springframework.http.HttpStatus;

/** Frameworks and competencies through the real HTTP layer: authoring, validation, DAG, versioning, map. */
class FrameworkApiTest extends ApiTest {

    final String teacher = token(unique("tch"), "TEACHER");
    final String otherTeacher = token(unique("tch"), "TEACHER");
    final String student = token(unique("stu"), "STUDENT");

    static Map<String, Object> competency(String code, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "statement", "Statement of " + code));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void aCompetencyIsDefinedWithTheDefaultScaleAndPolicyAndReadBack() {
        String fw = createFramework(teacher, "Ratios");
        JsonNode change = expect(post("/api/frameworks/" + fw + "/competencies", competency("6.RP.A.1",
                "studentStatement", "I can describe a ratio relationship.",
                "masteryDescription", "Writes and explains ratios in all three notations.",
                "educationLevels", List.of("06"),
                "phases", List.of(Map.of("order", 1, "label", "Beginning", "minScore", 1, "maxScore", 2,
                        "resources", List.of(Map.of("title", "Tape diagrams", "uri", "https://videos.example.org/ratios", "kind", "video"))))),
                teacher), HttpStatus.CREATED);
        assertThat(change.get("competencyVersion").asInt()).isEqualTo(1);
        String id = change.get("competencyId").asText();

        JsonNode c = eventuallyOk("/api/competencies/" + id, student).getBody();
        assertThat(c.get("frameworkId").asText()).isEqualTo(fw);
        assertThat(c.get("status").asText()).isEqualTo("DRAFT");
        assertThat(c.get("studentStatement").asText()).isEqualTo("I can describe a ratio relationship.");
        assertThat(c.at("/scale/masteryCut").asDouble()).isEqualTo(3.0);
        assertThat(c.at("/scale/levels")).extracting(l -> l.get("label").asText())
                .containsExactly("Beginning", "Developing", "Proficient", "Advanced");
        assertThat(c.at("/policy/method").asText()).isEqualTo("DECAYING_AVERAGE");
        assertThat(c.at("/policy/parameters/w").asDouble()).isEqualTo(0.65);
        assertThat(c.at("/policy/minEvidence").asInt()).isEqualTo(2);
        assertThat(c.at("/policy/policyVersion").asInt()).isEqualTo(1);
        assertThat(c.at("/phases/0/resources/0/kind").asText()).isEqualTo("VIDEO");

        JsonNode framework = eventually(() -> get("/api/frameworks/" + fw, student),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().get("competencies").size() == 1).getBody();
        assertThat(framework.at("/competencies/0/code").asText()).isEqualTo("6.RP.A.1");
        assertThat(framework.get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void invalidCompetenciesAreRefusedWith400AndNothingIsStored() {
        String fw = createFramework(teacher, "Ratios");
        long before = eventsOf(fw);
        JsonNode missing = expect(post("/api/frameworks/" + fw + "/competencies", Map.of("statement", "no code"), teacher),
                HttpStatus.BAD_REQUEST);
        assertThat(missing.get("detail").asText()).contains("code");
        JsonNode badPolicy = expect(post("/api/frameworks/" + fw + "/competencies", competency("A",
                "policy", Map.of("method", "DECAYING_AVERAGE", "parameters", Map.of("w", 1.2))), teacher), HttpStatus.BAD_REQUEST);
        assertThat(badPolicy.get("detail").asText()).contains("policy.parameters.w must be at least 0.5 and below 1");
        JsonNode badMofN = expect(post("/api/frameworks/" + fw + "/competencies", competency("A",
                "policy", Map.of("method", "M_OF_N", "parameters", Map.of("m", 4, "n", 3))), teacher), HttpStatus.BAD_REQUEST);
        assertThat(badMofN.get("detail").asText()).contains("m must not exceed n");
        JsonNode badScale = expect(post("/api/frameworks/" + fw + "/competencies", competency("A",
                "scale", Map.of("levels", List.of(Map.of("value", 2, "label", "Two"), Map.of("value", 1, "label", "One")),
                        "masteryCut", 2)), teacher), HttpStatus.BAD_REQUEST);
        assertThat(badScale.get("detail").asText()).contains("scale.levels must ascend");
        JsonNode unknownPrerequisite = expect(post("/api/frameworks/" + fw + "/competencies",
                competency("A", "prerequisiteIds", List.of("cmp-nope")), teacher), HttpStatus.BAD_REQUEST);
        assertThat(unknownPrerequisite.get("detail").asText()).contains("cmp-nope");
        JsonNode malformed = expect(http.exchange("/api/frameworks/" + fw + "/competencies", org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>("{\"code\": ", bearer(teacher)), JsonNode.class), HttpStatus.BAD_REQUEST);
        assertThat(malformed.get("title").asText()).isEqualTo("Malformed request");
        assertThat(eventsOf(fw)).isEqualTo(before);
    }

    @Test
    void unknownFrameworksAndCompetenciesAre404() {
        expect(get("/api/frameworks/fw-unknown", teacher), HttpStatus.NOT_FOUND);
        expect(get("/api/frameworks/fw-unknown/map", teacher), HttpStatus.NOT_FOUND);
        expect(post("/api/frameworks/fw-unknown/competencies", competency("A"), teacher), HttpStatus.NOT_FOUND);
        expect(post("/api/frameworks/fw-unknown/publish", null, teacher), HttpStatus.NOT_FOUND);
        expect(get("/api/competencies/cmp-unknown", teacher), HttpStatus.NOT_FOUND);
        expect(get("/api/competencies/cmp-unknown/versions/1", teacher), HttpStatus.NOT_FOUND);
        expect(put("/api/competencies/cmp-unknown", competency("A"), teacher), HttpStatus.NOT_FOUND);
        expect(post("/api/frameworks/fw-unknown/drafts", null, teacher), HttpStatus.NOT_FOUND);
        expect(post("/api/frameworks/fw-unknown/retire", null, ADMIN), HttpStatus.NOT_FOUND);
    }

    @Test
    void anInvalidRevisionIs400AndChangesNothing() {
        String fw = createFramework(teacher, "Ratios");
        String a = defineCompetency(fw, teacher, "RP.A", List.of());
        long before = eventsOf(fw);
        JsonNode blank = expect(put("/api/competencies/" + a, Map.of("code", "RP.A", "statement", " "), teacher), HttpStatus.BAD_REQUEST);
        assertThat(blank.get("errors").has("statement")).isTrue();
        JsonNode phases = expect(put("/api/competencies/" + a, competency("RP.A", "phases", List.of(
                Map.of("order", 1, "label", "Low", "minScore", 3, "maxScore", 2))), teacher), HttpStatus.BAD_REQUEST);
        assertThat(phases.get("detail").asText()).contains("phases[0] needs minScore below maxScore");
        expect(put("/api/competencies/" + a, competency("RP.A", "parentId", "cmp-elsewhere"), teacher), HttpStatus.BAD_REQUEST);
        expect(put("/api/competencies/" + a, competency("RP.A"), otherTeacher), HttpStatus.FORBIDDEN);
        assertThat(eventsOf(fw)).isEqualTo(before);
    }

    @Test
    void onlyTheAuthorOrAnAdministratorChangesAFramework() {
        String fw = createFramework(teacher, "Ratios");
        expect(post("/api/frameworks/" + fw + "/competencies", competency("A"), student), HttpStatus.FORBIDDEN);
        expect(post("/api/frameworks/" + fw + "/competencies", competency("A"), AUDITOR), HttpStatus.FORBIDDEN);
        expect(post("/api/frameworks/" + fw + "/competencies", competency("A"), otherTeacher), HttpStatus.FORBIDDEN);
        expect(post("/api/frameworks/" + fw + "/competencies", competency("A"), ADMIN), HttpStatus.CREATED);
        expect(post("/api/frameworks/" + fw + "/publish", null, otherTeacher), HttpStatus.FORBIDDEN);
        expect(post("/api/frameworks/" + fw + "/publish", null, student), HttpStatus.FORBIDDEN);
    }

    @Test
    void codesAreUniqueInAFramework() {
        String fw = createFramework(teacher, "Ratios");
        defineCompetency(fw, teacher, "6.RP.A.1", List.of());
        JsonNode conflict = expect(post("/api/frameworks/" + fw + "/competencies", competency("6.rp.a.1"), teacher), HttpStatus.CONFLICT);
        assertThat(conflict.get("detail").asText()).contains("already used");
    }

    @Test
    void aPrerequisiteCycleIsRefusedWith409NamingItAndNothingIsStored() {
        String fw = createFramework(teacher, "Ratios");
        String a = defineCompetency(fw, teacher, "RP.A", List.of());
        String b = defineCompetency(fw, teacher, "RP.B", List.of(a));
        String c = defineCompetency(fw, teacher, "RP.C", List.of(b));
        long before = eventsOf(fw);
        JsonNode problem = expect(put("/api/competencies/" + a, competency("RP.A", "prerequisiteIds", List.of(c)), teacher),
                HttpStatus.CONFLICT);
        assertThat(problem.get("title").asText()).isEqualTo("Prerequisite cycle");
        assertThat(problem.get("detail").asText()).contains("RP.A → RP.B → RP.C → RP.A");
        assertThat(problem.get("cycle")).extracting(JsonNode::asText).containsExactly("RP.A", "RP.B", "RP.C", "RP.A");
        assertThat(eventsOf(fw)).isEqualTo(before);

        JsonNode self = expect(put("/api/competencies/" + b, competency("RP.B", "prerequisiteIds", List.of(b)), teacher),
                HttpStatus.CONFLICT);
        assertThat(self.get("detail").asText()).contains("RP.B → RP.B");
    }

    @Test
    void publishedVersionsAreImmutableAndAnEditOpensTheNextDraftVersion() {
        String fw = createFramework(teacher, "Ratios");
        String a = defineCompetency(fw, teacher, "RP.A", List.of());
        JsonNode published = expect(post("/api/frameworks/" + fw + "/publish", null, teacher), HttpStatus.OK);
        assertThat(published.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.get("version").asInt()).isEqualTo(1);
        JsonNode again = expect(post("/api/frameworks/" + fw + "/publish", null, teacher), HttpStatus.CONFLICT);
        assertThat(again.get("detail").asText()).contains("already published");
        eventually(() -> get("/api/competencies/" + a, teacher), r -> r.getStatusCode() == HttpStatus.OK
                && r.getBody().get("status").asText().equals("PUBLISHED") && r.getBody().get("competencyVersion").asInt() == 2);

        // an edit of the published framework: new draft version 2, new competency version 3, same policy version
        JsonNode edit = expect(put("/api/competencies/" + a, competency("RP.A", "statement", "Reworded"), teacher), HttpStatus.OK);
        assertThat(edit.get("frameworkVersion").asInt()).isEqualTo(2);
        assertThat(edit.get("competencyVersion").asInt()).isEqualTo(3);
        assertThat(edit.get("policyVersion").asInt()).isEqualTo(1);
        // a policy change: next competency version and a new policy version
        JsonNode policy = expect(put("/api/competencies/" + a, competency("RP.A", "statement", "Reworded",
                "policy", Map.of("method", "M_OF_N", "parameters", Map.of("m", 2, "n", 3), "minEvidence", 3,
                        "requiredMethods", List.of("PERFORMANCE_TASK"), "retention", true)), teacher), HttpStatus.OK);
        assertThat(policy.get("competencyVersion").asInt()).isEqualTo(4);
        assertThat(policy.get("policyVersion").asInt()).isEqualTo(2);
        // an identical PUT changes nothing
        JsonNode same = expect(put("/api/competencies/" + a, competency("RP.A", "statement", "Reworded",
                "policy", Map.of("method", "M_OF_N", "parameters", Map.of("m", 2, "n", 3), "minEvidence", 3,
                        "requiredMethods", List.of("PERFORMANCE_TASK"), "retention", true)), teacher), HttpStatus.OK);
        assertThat(same.get("changed").asBoolean()).isFalse();
        assertThat(same.get("competencyVersion").asInt()).isEqualTo(4);

        JsonNode framework = eventually(() -> get("/api/frameworks/" + fw, teacher),
                r -> r.getBody().path("version").asInt() == 2).getBody();
        assertThat(framework.get("status").asText()).isEqualTo("DRAFT");
        assertThat(framework.get("publishedVersion").asInt()).isEqualTo(1);
        JsonNode current = eventually(() -> get("/api/competencies/" + a, teacher),
                r -> r.getBody().path("competencyVersion").asInt() == 4).getBody();
        assertThat(current.get("status").asText()).isEqualTo("DRAFT");
        assertThat(current.get("publishedVersion").asInt()).isEqualTo(2);
        // the published version stays readable as it was, for evidence pinned to it
        JsonNode v2 = expect(get("/api/competencies/" + a + "/versions/2", teacher), HttpStatus.OK);
        assertThat(v2.get("statement").asText()).isEqualTo("Statement of RP.A");
        assertThat(v2.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(v2.at("/policy/method").asText()).isEqualTo("DECAYING_AVERAGE");

        JsonNode second = expect(post("/api/frameworks/" + fw + "/publish", null, ADMIN), HttpStatus.OK);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        JsonNode republished = eventually(() -> get("/api/competencies/" + a, teacher),
                r -> r.getBody().path("status").asText().equals("PUBLISHED") && r.getBody().path("competencyVersion").asInt() == 5).getBody();
        assertThat(republished.at("/policy/policyVersion").asInt()).isEqualTo(2);
        assertThat(republished.get("publishedVersion").asInt()).isEqualTo(5);
    }

    @Test
    void aNewDraftCanBeOpenedExplicitlyOnce() {
        String fw = createFramework(teacher, "Ratios");
        defineCompetency(fw, teacher, "RP.A", List.of());
        expect(post("/api/frameworks/" + fw + "/drafts", null, teacher), HttpStatus.CONFLICT);
        expect(post("/api/frameworks/" + fw + "/publish", null, teacher), HttpStatus.OK);
        JsonNode draft = expect(post("/api/frameworks/" + fw + "/drafts", null, teacher), HttpStatus.CREATED);
        assertThat(draft.get("version").asInt()).isEqualTo(2);
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        expect(post("/api/frameworks/" + fw + "/drafts", null, teacher), HttpStatus.CONFLICT);
    }

    @Test
    void theMapHasNodesEdgesAndATopologicalOrderIncludingPublishedPrerequisitesOfOtherFrameworks() {
        String grade5 = createFramework(teacher, "Fractions 5");
        String nf = defineCompetency(grade5, teacher, "5.NF.B.3", List.of());
        String unpublished = createFramework(teacher, "Drafty");
        String draftOnly = defineCompetency(unpublished, teacher, "X.1", List.of());

        String fw = createFramework(teacher, "Ratios 6");
        // a competency of a framework that was never published cannot be a prerequisite
        JsonNode refused = expect(post("/api/frameworks/" + fw + "/competencies", competency("6.RP.A.1",
                "prerequisiteIds", List.of(draftOnly)), teacher), HttpStatus.BAD_REQUEST);
        assertThat(refused.get("detail").asText()).contains(draftOnly);
        expect(post("/api/frameworks/" + grade5 + "/publish", null, teacher), HttpStatus.OK);

        String a1 = defineCompetency(fw, teacher, "6.RP.A.1", List.of(nf));
        String a2 = defineCompetency(fw, teacher, "6.RP.A.2", List.of(a1));
        String a3 = defineCompetency(fw, teacher, "6.RP.A.3", List.of(a1, a2));
        String b1 = defineCompetency(fw, teacher, "6.RP.B.1", List.of());

        JsonNode map = eventually(() -> get("/api/frameworks/" + fw + "/map", student),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().get("nodes").size() == 5
                        && r.getBody().get("nodes").findValuesAsText("code").contains("5.NF.B.3")).getBody();
        List<String> order = new ArrayList<>();
        map.get("topologicalOrder").forEach(n -> order.add(n.asText()));
        assertThat(order).containsExactlyInAnyOrder(nf, a1, a2, a3, b1);
        List<String[]> edges = new ArrayList<>();
        map.get("edges").forEach(e -> edges.add(new String[] {e.get("from").asText(), e.get("to").asText()}));
        assertThat(edges).hasSize(4);
        for (String[] edge : edges) {
            assertThat(order.indexOf(edge[0])).as("prerequisite before dependent").isLessThan(order.indexOf(edge[1]));
        }
        JsonNode external = null;
        for (JsonNode node : map.get("nodes")) {
            if (node.get("competencyId").asText().equals(nf)) {
                external = node;
            }
        }
        assertThat(external).isNotNull();
        assertThat(external.get("external").asBoolean()).isTrue();
        assertThat(external.get("frameworkId").asText()).isEqualTo(grade5);
    }

    @Test
    void aRetiredFrameworkNoLongerChanges() {
        String fw = createFramework(teacher, "Old");
        String a = defineCompetency(fw, teacher, "OLD.1", List.of());
        expect(post("/api/frameworks/" + fw + "/retire", null, otherTeacher), HttpStatus.FORBIDDEN);
        JsonNode retired = expect(post("/api/frameworks/" + fw + "/retire", null, ADMIN), HttpStatus.OK);
        assertThat(retired.get("status").asText()).isEqualTo("RETIRED");
        expect(post("/api/frameworks/" + fw + "/competencies", competency("OLD.2"), teacher), HttpStatus.CONFLICT);
        expect(post("/api/frameworks/" + fw + "/retire", null, ADMIN), HttpStatus.CONFLICT);
        eventually(() -> get("/api/competencies/" + a, teacher), r -> "RETIRED".equals(r.getBody().path("status").asText()));
    }
}

package org.mastery.curriculum.framework.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastery.curriculum.support.ApiTest;
import org.springframework.http.HttpStatus;

/**
 * CASE import through the real HTTP layer: a package shaped like published ones keeps its hierarchy
 * and prerequisites; re-import is idempotent; cyclic or malformed packages store nothing.
 */
class CaseImportApiTest extends ApiTest {

    final String teacher = token(unique("tch"), "TEACHER");

    /** The package with a fresh document identifier, so each test imports a framework of its own. */
    static ObjectNode fresh(String resource) {
        ObjectNode pkg = CasePackageParserTest.load(resource);
        ObjectNode doc = (ObjectNode) (pkg.has("CFDocument") ? pkg.get("CFDocument") : pkg.get("lsDoc"));
        String old = doc.get("identifier").asText();
        String replacement = java.util.UUID.randomUUID().toString();
        try {
            return (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(pkg.toString().replace(old, replacement));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPublishedShapedPackageImportsWithItsHierarchyAndPrerequisitesAndReimportsIdempotently() {
        ObjectNode pkg = fresh("case-1.0-math-grade4-fractions.json");
        String documentId = pkg.at("/CFDocument/identifier").asText();
        JsonNode result = expect(post("/api/frameworks/import/case", pkg, teacher), HttpStatus.CREATED);
        String fw = result.at("/outcome/frameworkId").asText();
        assertThat(fw).isEqualTo(CaseImport.frameworkId(documentId));
        assertThat(result.at("/outcome/defined").asInt()).isEqualTo(13);
        assertThat(result.get("caseDocumentId").asText()).isEqualTo(documentId);
        assertThat(result.get("warnings").toString()).contains("isPrerequisiteFor");

        JsonNode framework = eventually(() -> get("/api/frameworks/" + fw, teacher),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().get("competencies").size() == 13).getBody();
        assertThat(framework.get("caseDocumentId").asText()).isEqualTo(documentId);
        assertThat(framework.get("subject").asText()).isEqualTo("Math");
        assertThat(framework.get("gradeBand").asText()).isEqualTo("03-05");
        Map<String, JsonNode> byCode = new HashMap<>();
        framework.get("competencies").forEach(c -> byCode.put(c.get("code").asText(), c));
        // hierarchy order: the domain first, then its clusters in sequence, each followed by its standards
        assertThat(framework.at("/competencies/0/code").asText()).isEqualTo("4.NF");
        assertThat(framework.at("/competencies/1/code").asText()).isEqualTo("4.NF.A");
        assertThat(framework.at("/competencies/2/code").asText()).isEqualTo("4.NF.A.1");
        assertThat(byCode.get("4.NF.A.1").get("parentId").asText()).isEqualTo(byCode.get("4.NF.A").get("competencyId").asText());
        assertThat(byCode.get("4.NF.B.3.b").get("parentId").asText()).isEqualTo(byCode.get("4.NF.B.3").get("competencyId").asText());
        assertThat(byCode.get("4.NF.B.4").get("prerequisiteIds")).extracting(JsonNode::asText)
                .containsExactly(byCode.get("4.NF.B.3").get("competencyId").asText());
        assertThat(byCode.get("4.NF.B.3").get("assessable").asBoolean()).isFalse();

        String a1 = byCode.get("4.NF.A.1").get("competencyId").asText();
        JsonNode competency = eventuallyOk("/api/competencies/" + a1, teacher).getBody();
        assertThat(competency.get("caseItemId").asText()).isEqualTo(pkg.at("/CFItems/2/identifier").asText());
        assertThat(competency.get("itemType").asText()).isEqualTo("Standard");
        assertThat(competency.get("caseAssociations")).extracting(a -> a.get("associationType").asText())
                .contains("exactMatchOf", "isPrerequisiteFor", "precedes");

        JsonNode map = expect(get("/api/frameworks/" + fw + "/map", teacher), HttpStatus.OK);
        List<String> order = new java.util.ArrayList<>();
        map.get("topologicalOrder").forEach(n -> order.add(n.asText()));
        assertThat(map.get("edges")).hasSize(5);
        map.get("edges").forEach(e -> assertThat(order.indexOf(e.get("from").asText())).isLessThan(order.indexOf(e.get("to").asText())));

        // the same package again: nothing new is stored
        long events = eventsOf(fw);
        JsonNode again = expect(post("/api/frameworks/import/case", pkg, teacher), HttpStatus.OK);
        assertThat(again.at("/outcome/unchanged").asInt()).isEqualTo(13);
        assertThat(again.at("/outcome/defined").asInt()).isZero();
        assertThat(again.at("/outcome/revised").asInt()).isZero();
        assertThat(eventsOf(fw)).isEqualTo(events);

        // a changed package after a teacher added an "I can" statement: the statement is revised, the teacher's text kept
        expect(put("/api/competencies/" + a1, Map.of("code", "4.NF.A.1", "statement", competency.get("statement").asText(),
                "studentStatement", "I can show two fractions are equivalent with a model.", "itemType", "Standard",
                "educationLevels", List.of("04"), "assessable", true, "parentId", competency.get("parentId").asText()), teacher), HttpStatus.OK);
        ((ObjectNode) pkg.get("CFItems").get(2)).put("fullStatement", "Explain why a/b = (n × a)/(n × b) using visual models.");
        JsonNode revised = expect(post("/api/frameworks/import/case", pkg, teacher), HttpStatus.OK);
        assertThat(revised.at("/outcome/revised").asInt()).isEqualTo(1);
        JsonNode after = eventually(() -> get("/api/competencies/" + a1, teacher),
                r -> r.getBody().path("statement").asText().startsWith("Explain why a/b")).getBody();
        assertThat(after.get("studentStatement").asText()).isEqualTo("I can show two fractions are equivalent with a model.");
    }

    @Test
    void aCase11PackageAndAPre10ExportImport() {
        JsonNode science = expect(post("/api/frameworks/import/case", fresh("case-1.1-science-grade5-matter.json"), teacher),
                HttpStatus.CREATED);
        assertThat(science.get("caseVersion").asText()).isEqualTo("1.1");
        assertThat(science.at("/associationTypes/ext:usesPractice").asInt()).isEqualTo(1);
        JsonNode legacy = expect(post("/api/frameworks/import/case", fresh("case-pre-1.0-lsdoc-ela-grade3.json"), teacher),
                HttpStatus.CREATED);
        assertThat(legacy.get("warnings").toString()).contains("pre-1.0 field name lsDoc read as CFDocument");
        assertThat(legacy.at("/outcome/defined").asInt()).isEqualTo(2);
    }

    @Test
    void aCyclicPrecedesSetIsRefusedAsAWholeWith409() {
        ObjectNode pkg = fresh("case-1.0-cyclic-precedes.json");
        String fw = CaseImport.frameworkId(pkg.at("/CFDocument/identifier").asText());
        JsonNode problem = expect(post("/api/frameworks/import/case", pkg, teacher), HttpStatus.CONFLICT);
        assertThat(problem.get("detail").asText()).contains("ALG.A → ALG.B → ALG.C → ALG.A");
        assertThat(eventsOf(fw)).isZero();
        expect(get("/api/frameworks/" + fw, teacher), HttpStatus.NOT_FOUND);
    }

    @Test
    void aMalformedPackageIs400WithTheOffendingPathAndStoresNothing() {
        ObjectNode pkg = fresh("case-1.0-math-grade4-fractions.json");
        String fw = CaseImport.frameworkId(pkg.at("/CFDocument/identifier").asText());
        ((ObjectNode) pkg.get("CFItems").get(7)).remove("fullStatement");
        JsonNode problem = expect(post("/api/frameworks/import/case", pkg, teacher), HttpStatus.BAD_REQUEST);
        assertThat(problem.get("path").asText()).isEqualTo("$.CFItems[7].fullStatement");
        assertThat(problem.get("detail").asText()).contains("$.CFItems[7].fullStatement").contains("nothing was stored");
        assertThat(eventsOf(fw)).isZero();

        expect(post("/api/frameworks/import/case", Map.of("CFItems", List.of()), teacher), HttpStatus.BAD_REQUEST);
    }

    @Test
    void onlyTeachersAndAdministratorsImportAndOnlyTheOwnerReimports() {
        ObjectNode pkg = fresh("case-pre-1.0-lsdoc-ela-grade3.json");
        expect(post("/api/frameworks/import/case", pkg, token(unique("stu"), "STUDENT")), HttpStatus.FORBIDDEN);
        expect(post("/api/frameworks/import/case", pkg, teacher), HttpStatus.CREATED);
        ((ObjectNode) pkg.get("lsItems").get(0)).put("fullStatement", "changed");
        expect(post("/api/frameworks/import/case", pkg, token(unique("tch"), "TEACHER")), HttpStatus.FORBIDDEN);
        expect(post("/api/frameworks/import/case", pkg, ADMIN), HttpStatus.OK);
    }
}

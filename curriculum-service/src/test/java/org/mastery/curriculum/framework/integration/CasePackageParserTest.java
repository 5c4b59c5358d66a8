package org.mastery.curriculum.framework.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mastery.curriculum.framework.domain.CaseAssociation;
import org.mastery.curriculum.framework.domain.PrerequisiteCycleException;

class CasePackageParserTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode load(String name) {
        try (InputStream in = CasePackageParserTest.class.getResourceAsStream("/case/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, CasePackage.Item> byCode(CasePackage pkg) {
        return pkg.items().stream().collect(Collectors.toMap(CasePackage.Item::code, Function.identity()));
    }

    @Test
    void aPublishedShapedCase10PackageKeepsHierarchyPrerequisitesAndEveryAssociation() {
        CasePackage pkg = CasePackageParser.parse(load("case-1.0-math-grade4-fractions.json"));
        assertThat(pkg.caseVersion()).isEqualTo("1.0");
        assertThat(pkg.subject()).isEqualTo("Math");
        assertThat(pkg.gradeBand()).isEqualTo("03-05");
        assertThat(pkg.items()).hasSize(13);
        Map<String, CasePackage.Item> items = byCode(pkg);
        Function<String, String> id = code -> items.get(code).identifier();

        // hierarchy from isChildOf; a cluster without humanCodingScheme gets its code from its place and its type from CFDefinitions
        assertThat(items.get("4.NF").parentIdentifier()).isNull();
        assertThat(items).containsKey("4.NF.A");
        assertThat(items.get("4.NF.A").itemType()).isEqualTo("Cluster");
        assertThat(items.get("4.NF.A").parentIdentifier()).isEqualTo(id.apply("4.NF"));
        assertThat(items.get("4.NF.A.1").parentIdentifier()).isEqualTo(id.apply("4.NF.A"));
        assertThat(items.get("4.NF.B.3.a").parentIdentifier()).isEqualTo(id.apply("4.NF.B.3"));
        // sequence numbers as numbers, strings, padded strings and 2.0
        assertThat(items.get("4.NF.A").sequence()).isEqualTo(1);
        assertThat(items.get("4.NF.A.2").sequence()).isEqualTo(2);
        assertThat(items.get("4.NF.B.3.a").sequence()).isEqualTo(1);
        assertThat(items.get("4.NF.B.3.b").sequence()).isEqualTo(2);
        assertThat(items.get("4.NF.C").sequence()).isEqualTo(3);

        // precedes: origin before destination
        assertThat(items.get("4.NF.A.2").prerequisiteIdentifiers()).containsExactly(id.apply("4.NF.A.1"));
        assertThat(items.get("4.NF.B.3").prerequisiteIdentifiers()).containsExactly(id.apply("4.NF.A.1"));
        assertThat(items.get("4.NF.B.4").prerequisiteIdentifiers()).containsExactly(id.apply("4.NF.B.3"));
        assertThat(items.get("4.NF.C.7").prerequisiteIdentifiers()).containsExactly(id.apply("4.NF.C.6"));
        assertThat(items.get("4.NF.A.1").prerequisiteIdentifiers()).isEmpty();

        // leaves are assessable; domains, clusters and standards with components are not
        assertThat(items.get("4.NF.B.3.a").assessable()).isTrue();
        assertThat(items.get("4.NF.C.5").assessable()).isTrue();
        assertThat(items.get("4.NF.B.3").assessable()).isFalse();
        assertThat(items.get("4.NF").assessable()).isFalse();

        // messy education levels
        assertThat(items.get("4.NF").educationLevels()).containsExactly("03", "04", "05");
        assertThat(items.get("4.NF.B.3.b").educationLevels()).containsExactly("4");
        assertThat(items.get("4.NF.A.2").educationLevels()).containsExactly("04");

        // nothing dropped: external references, exactMatchOf, exemplar URL, isPeerOf, unknown type, a second (external) parent
        assertThat(items.get("4.NF.A.1").associations()).extracting(CaseAssociation::associationType)
                .containsExactlyInAnyOrder("precedes", "exactMatchOf", "isPrerequisiteFor", "isChildOf");
        CaseAssociation fromGrade3 = items.get("4.NF.A.1").associations().stream()
                .filter(a -> a.associationType().equals("precedes")).findFirst().orElseThrow();
        assertThat(fromGrade3.direction()).isEqualTo("INCOMING");
        assertThat(fromGrade3.external()).isTrue();
        assertThat(fromGrade3.nodeTitle()).isEqualTo("3.NF.A.3");
        assertThat(items.get("4.NF.A.1").associations()).filteredOn(a -> a.associationType().equals("isChildOf"))
                .singleElement().satisfies(a -> assertThat(a.external() && "MP.7".equals(a.nodeTitle())).isTrue());
        CaseAssociation exemplar = items.get("4.NF.A.2").associations().get(0);
        assertThat(exemplar.associationType()).isEqualTo("exemplar");
        assertThat(exemplar.nodeUri()).startsWith("https://tasks.illustrativemathematics.org/");
        assertThat(items.get("4.NF.C.7").associations()).extracting(CaseAssociation::associationType, CaseAssociation::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("isPeerOf", "INCOMING"));
        assertThat(items.get("4.NF.C.5").associations()).extracting(CaseAssociation::associationType).containsExactly("isPrerequisiteFor");
        assertThat(pkg.associationTypes()).containsEntry("isChildOf", 14).containsEntry("precedes", 6)
                .containsEntry("exactMatchOf", 1).containsEntry("isRelatedTo", 1).containsEntry("exemplar", 1)
                .containsEntry("isPeerOf", 1).containsEntry("isPrerequisiteFor", 1);
        assertThat(pkg.warnings()).anyMatch(w -> w.contains("unknown association type 'isPrerequisiteFor' kept as metadata"))
                .anyMatch(w -> w.contains("repeats association"))
                .anyMatch(w -> w.contains("point outside the document"))
                .anyMatch(w -> w.contains("1 item(s) have no humanCodingScheme"));
    }

    @Test
    void aCase11PackageWithExtensionTypesIsRead() {
        CasePackage pkg = CasePackageParser.parse(load("case-1.1-science-grade5-matter.json"));
        assertThat(pkg.caseVersion()).isEqualTo("1.1");
        assertThat(pkg.subject()).isEqualTo("Science, Physical Science");
        assertThat(pkg.gradeBand()).isEqualTo("05");
        Map<String, CasePackage.Item> items = byCode(pkg);
        assertThat(items.get("5-PS1-4").prerequisiteIdentifiers()).containsExactly(items.get("5-PS1-3").identifier());
        assertThat(items.get("5-PS1-1").associations()).extracting(CaseAssociation::associationType).contains("hasSkillLevel");
        assertThat(items.get("5-PS1-4").associations()).extracting(CaseAssociation::associationType)
                .contains("ext:usesPractice", "replacedBy");
        assertThat(items.get("SEP.2").parentIdentifier()).isNull();
        assertThat(pkg.warnings()).noneMatch(w -> w.contains("unknown association type"));
    }

    @Test
    void preCase10FieldNamesAreReadWithAWarning() {
        CasePackage pkg = CasePackageParser.parse(load("case-pre-1.0-lsdoc-ela-grade3.json"));
        assertThat(pkg.items()).extracting(CasePackage.Item::code).containsExactly("RL.3.1", "RL.3.2");
        assertThat(pkg.subject()).isEqualTo("English Language Arts");
        assertThat(pkg.warnings()).contains("pre-1.0 field name lsDoc read as CFDocument", "pre-1.0 field name lsItems read as CFItems",
                "pre-1.0 field name lsAssociations read as CFAssociations");
        assertThat(byCode(pkg).get("RL.3.2").prerequisiteIdentifiers()).containsExactly(byCode(pkg).get("RL.3.1").identifier());
    }

    @Test
    void aCyclicPrecedesSetIsRefusedNamingTheCycle() {
        assertThatThrownBy(() -> CasePackageParser.parse(load("case-1.0-cyclic-precedes.json")))
                .isInstanceOf(PrerequisiteCycleException.class)
                .hasMessageContaining("ALG.A → ALG.B → ALG.C → ALG.A");
    }

    @Test
    void malformedPackagesNameTheOffendingPath() {
        assertPath(p -> ((ObjectNode) p.get("CFItems").get(3)).remove("fullStatement"), "$.CFItems[3].fullStatement");
        assertPath(p -> ((ObjectNode) p.get("CFAssociations").get(2)).put("sequenceNumber", "third"), "$.CFAssociations[2].sequenceNumber");
        assertPath(p -> ((ObjectNode) p.get("CFAssociations").get(5)).remove("originNodeURI"), "$.CFAssociations[5].originNodeURI");
        assertPath(p -> ((ObjectNode) p.get("CFAssociations").get(5)).remove("associationType"), "$.CFAssociations[5].associationType");
        assertPath(p -> ((ObjectNode) p.get("CFDocument")).remove("identifier"), "$.CFDocument.identifier");
        assertPath(p -> p.remove("CFDocument"), "$.CFDocument");
        assertPath(p -> p.putArray("CFItems"), "$.CFItems");
        assertPath(p -> ((ObjectNode) p.get("CFItems").get(4)).putObject("educationLevel"), "$.CFItems[4].educationLevel");
        assertPath(p -> ((ArrayNode) p.get("CFItems")).add(((ObjectNode) p.get("CFItems").get(0)).deepCopy().put("fullStatement", "other")),
                "$.CFItems[13].identifier");
        assertPath(p -> ((ArrayNode) p.get("CFItems")).add("not an item"), "$.CFItems[13]");
        assertPath(p -> ((ObjectNode) p.get("CFItems").get(2)).put("humanCodingScheme", "X".repeat(101)), "$.CFItems[2].humanCodingScheme");
        assertThatThrownBy(() -> CasePackageParser.parse(JSON.readTree("[1, 2]"))).isInstanceOf(CasePackageException.class)
                .hasMessageStartingWith("$:");
    }

    @Test
    void anIsChildOfLoopIsMalformed() {
        ObjectNode p = load("case-pre-1.0-lsdoc-ela-grade3.json");
        ArrayNode a = (ArrayNode) p.get("lsAssociations");
        ((ObjectNode) a.get(0).get("destinationNodeURI")).put("identifier", p.get("lsItems").get(1).get("identifier").asText());
        ((ObjectNode) a.get(1).get("destinationNodeURI")).put("identifier", p.get("lsItems").get(0).get("identifier").asText());
        assertThatThrownBy(() -> CasePackageParser.parse(p)).isInstanceOf(CasePackageException.class)
                .hasMessageContaining("the isChildOf associations loop: RL.3.1 ⊂ RL.3.2 ⊂ RL.3.1");
    }

    @Test
    void anIdenticalRepeatedItemIsReadOnce() {
        ObjectNode p = load("case-1.0-math-grade4-fractions.json");
        ((ArrayNode) p.get("CFItems")).add(p.get("CFItems").get(2).deepCopy());
        CasePackage pkg = CasePackageParser.parse(p);
        assertThat(pkg.items()).hasSize(13);
        assertThat(pkg.warnings()).anyMatch(w -> w.startsWith("$.CFItems[13] repeats $.CFItems[2]"));
    }

    @Test
    void aGeneratedPackageOfTwoThousandItemsIsReadWhole() {
        ObjectNode p = GeneratedCasePackage.generate(JSON, "parser-test", 12, 10, 19);
        CasePackage pkg = CasePackageParser.parse(p);
        assertThat(pkg.items()).hasSize(12 * (1 + 10 * (1 + 19)));
        assertThat(pkg.items().size()).isGreaterThanOrEqualTo(2_000);
        assertThat(pkg.gradeBand()).isEqualTo("KG-11");
        long withPrerequisite = pkg.items().stream().filter(i -> !i.prerequisiteIdentifiers().isEmpty()).count();
        assertThat(withPrerequisite).isEqualTo(12 * 10 * 19 - 1);
        assertThat(pkg.items().stream().filter(CasePackage.Item::assessable).count()).isEqualTo(12 * 10 * 19);
    }

    private static void assertPath(java.util.function.Consumer<ObjectNode> breakIt, String path) {
        ObjectNode p = load("case-1.0-math-grade4-fractions.json");
        breakIt.accept(p);
        assertThatThrownBy(() -> CasePackageParser.parse(p)).as(path).isInstanceOf(CasePackageException.class)
                .satisfies(e -> assertThat(((CasePackageException) e).path()).isEqualTo(path));
    }

}

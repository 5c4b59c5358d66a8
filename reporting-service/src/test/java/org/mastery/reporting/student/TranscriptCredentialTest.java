package org.mastery.reporting.student;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mastery.reporting.projection.query.Catalog;
import org.mastery.reporting.projection.query.ReadModels;
import org.mastery.reporting.projection.query.ReportingProjector;
import org.mastery.reporting.student.query.ClrCredentialWriter;
import org.mastery.reporting.student.query.CredentialProofs;
import org.mastery.reporting.student.query.GradeTranslation;
import org.mastery.reporting.student.query.TranscriptAssembler;
import org.mastery.reporting.student.query.TranscriptView;
import org.mastery.reporting.support.InMemoryReadModelStore;
import org.mastery.reporting.support.JsonLdStructureCheck;
import org.mastery.reporting.support.Scenario;

/** The transcript in JSON, and as a CLR 2.0 / Open Badges 3.0 credential valid against the contexts' structure. */
class TranscriptCredentialTest {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    Scenario s;
    TranscriptView transcript;
    ObjectNode credential;

    @BeforeEach
    void setUp() {
        s = new Scenario("t", Instant.parse("2026-09-01T08:00:00Z"));
        InMemoryReadModelStore store = new InMemoryReadModelStore();
        ReportingProjector projector = new ReportingProjector(store);
        s.events().events().forEach(projector::apply);
        TranscriptAssembler assembler = new TranscriptAssembler(new Catalog(store),
                new GradeTranslation(List.of("0.9:A", "0.8:B", "0.7:C", "0.6:D", "0:F")), false, Clock.fixed(NOW, ZoneOffset.UTC));
        transcript = assembler.transcript(s.studentA, "Ada").orElseThrow();
        credential = new ClrCredentialWriter(ReadModels.JSON, "https://district.example.org/issuer", "Riverside district",
                CredentialProofs.unsigned()).write(transcript);
    }

    @Test
    void theJsonTranscriptListsMasteredCompetenciesCoursesCreditsAndGrades() {
        assertThat(transcript.mastered()).singleElement().satisfies(m -> {
            assertThat(m.competencyId()).isEqualTo(s.c1);
            assertThat(m.code()).isEqualTo("RP.1.t");
            assertThat(m.level()).isEqualTo("Proficient");
            assertThat(m.evidence().count()).isEqualTo(2);
            assertThat(m.evidence().assessments()).extracting(TranscriptView.AssessmentRef::title).containsExactly("Ratios check");
        });
        TranscriptView.CourseView math = transcript.courses().stream().filter(c -> c.courseId().equals(s.course)).findFirst().orElseThrow();
        assertThat(math.competenciesMastered()).isEqualTo(1);
        assertThat(math.competenciesTotal()).isEqualTo(3);
        assertThat(math.creditsEarned()).isZero();
        assertThat(math.traditionalGrade()).isEqualTo("F");
        TranscriptView.CourseView module = transcript.courses().stream().filter(c -> c.courseId().equals(s.smallCourse)).findFirst().orElseThrow();
        assertThat(module.complete()).isTrue();
        assertThat(module.creditsEarned()).isEqualTo(0.5);
        assertThat(module.traditionalGrade()).isEqualTo("A");
        assertThat(transcript.totals().creditsEarned()).isEqualTo(0.5);
    }

    @Test
    void theClrCredentialIsValidAgainstThePublishedContextStructure() {
        assertThat(JsonLdStructureCheck.violations(credential)).isEmpty();
        assertThat(credential.get("type")).extracting(JsonNode::asText).isNotNull();
        assertThat(credential.path("type").toString()).contains("ClrCredential");
        JsonNode subject = credential.path("credentialSubject");
        // one OpenBadgeCredential per mastered competency and per completed course
        assertThat(subject.path("verifiableCredential")).hasSize(2);
        JsonNode badge = subject.path("verifiableCredential").get(0);
        assertThat(badge.path("type").toString()).contains("OpenBadgeCredential");
        assertThat(badge.path("credentialSubject").path("achievement").path("achievementType").asText()).isEqualTo("Competency");
        assertThat(badge.path("credentialSubject").path("achievement").path("humanCode").asText()).isEqualTo("RP.1.t");
        assertThat(badge.path("credentialSubject").path("result").get(0).path("value").asText()).isEqualTo("3.6500");
        assertThat(subject.path("association")).anySatisfy(a -> {
            assertThat(a.path("associationType").asText()).isEqualTo("isPartOf");
            assertThat(a.path("targetId").asText()).isEqualTo("urn:mastery:course:" + s.course);
        });
        // pseudonymous: the subject is a URN of the student id, never a name
        assertThat(credential.toString()).doesNotContain("Ada");
        assertThat(credential.has("proof")).isFalse();
    }

    @Test
    void theCheckRejectsUndefinedTermsMissingPropertiesAndUnknownContexts() {
        ObjectNode broken = credential.deepCopy();
        ((ObjectNode) broken.path("credentialSubject").path("verifiableCredential").get(0).path("credentialSubject").path("achievement"))
                .put("grade", "A");
        ((ObjectNode) broken.path("credentialSubject").path("achievement").get(0)).remove("name");
        ((ObjectNode) broken.path("issuer")).remove("type");
        assertThat(JsonLdStructureCheck.violations(broken))
                .anySatisfy(v -> assertThat(v).contains("property grade is not defined"))
                .anySatisfy(v -> assertThat(v).contains("an issuer is a Profile"))
                .anySatisfy(v -> assertThat(v).contains("a Achievement requires name"));
        ObjectNode unknown = credential.deepCopy();
        unknown.putArray("@context").add("https://www.w3.org/ns/credentials/v2").add("https://example.org/other.json");
        assertThat(JsonLdStructureCheck.violations(unknown)).anySatisfy(v -> assertThat(v).contains("unknown context"));
    }

    @Test
    void aProofIsAddedWhenASignerIsConfigured() {
        ObjectNode signed = new ClrCredentialWriter(ReadModels.JSON, "https://district.example.org/issuer", "Riverside district",
                unsigned -> {
                    ObjectNode proof = ReadModels.JSON.createObjectNode();
                    proof.put("type", "DataIntegrityProof");
                    proof.put("cryptosuite", "eddsa-rdfc-2022");
                    proof.put("proofPurpose", "assertionMethod");
                    proof.put("verificationMethod", "https://district.example.org/issuer#key-1");
                    proof.put("proofValue", "z-test");
                    return java.util.Optional.of(proof);
                }).write(transcript);
        assertThat(signed.path("proof").path("cryptosuite").asText()).isEqualTo("eddsa-rdfc-2022");
        assertThat(JsonLdStructureCheck.violations(signed)).isEmpty();
    }
}

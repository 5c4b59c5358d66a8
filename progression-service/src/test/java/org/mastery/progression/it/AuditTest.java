package org.mastery.progression.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.curriculum.CompetencyRevised;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.progression.catalog.query.CatalogViews;
import org.mastery.progression.journey.domain.CompetencyContext;
import org.mastery.progression.journey.domain.CompetencyPolicy;
import org.mastery.progression.journey.domain.RecordEvidence;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/** An auditor's view: history as of an instant, every decision re-derived, tampering located. */
class AuditTest extends ProgressionIntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CatalogViews catalog;

    private String journey(String student, CompetencyContext context) {
        Instant t = Instant.parse("2026-10-01T09:00:00Z");
        double[] scores = {2, 3, 4};
        for (int i = 0; i < scores.length; i++) {
            commands.sendAndWait(new RecordEvidence(student, student + "-e" + i, context, scores[i], "SELECTED_RESPONSE",
                    "FORMATIVE", null, t.plusSeconds(86_400L * i), null));
            pause(20); // distinct stored timestamps, for the as-of reads
        }
        return student;
    }

    @Test
    void anAuditorReadsTheHistoryAsOfAnInstantAndItVerifies() {
        String student = journey(id("stu"), CompetencyContext.of(CompetencyPolicy.defaults("cmp-audit")));
        JsonNode verified = get("/internal/audit/students/" + student + "/verify", bearer("aud-1", "AUDITOR")).getBody();
        assertThat(verified.path("verified").asBoolean()).isTrue();
        long events = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, student);
        assertThat(verified.path("eventsChecked").asLong()).isEqualTo(events);
        assertThat(verified.path("decisionsChecked").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(verified.path("mismatches")).isEmpty();

        JsonNode full = get("/internal/audit/students/" + student + "/history", bearer("adm-1", "ADMIN")).getBody();
        List<JsonNode> entries = list(full.path("entries"));
        assertThat(entries).extracting(e -> e.path("sequence").asLong()).isSorted().hasSize((int) events);
        assertThat(entries.get(0).path("previousHash").asText()).isEqualTo("0".repeat(64));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).path("previousHash").asText()).isEqualTo(entries.get(i - 1).path("hash").asText());
        }
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("type").asText()).isEqualTo("progression.CompetencyMastered");
            assertThat(e.path("explanation").path("method").asText()).isEqualTo("DECAYING_AVERAGE");
        });
        assertThat(full.path("competencies").get(0).path("state").asText()).isEqualTo("MASTERED");

        // as of the second evidence's decision: two scores, in progress
        JsonNode secondDecision = entries.stream().filter(e -> e.path("type").asText().equals("progression.MasteryLevelChanged"))
                .skip(1).findFirst().orElseThrow();
        JsonNode asOf = get("/internal/audit/students/" + student + "/history?asOf=" + secondDecision.path("occurredAt").asText(),
                bearer("aud-1", "AUDITOR")).getBody();
        assertThat(list(asOf.path("entries")).get(list(asOf.path("entries")).size() - 1).path("sequence").asLong())
                .isLessThan(entries.get(entries.size() - 1).path("sequence").asLong());
        JsonNode state = asOf.path("competencies").get(0);
        assertThat(state.path("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(state.path("evidenceCount").asInt()).isEqualTo(2);
        assertThat(state.path("value").asDouble()).isCloseTo(2.65, org.assertj.core.data.Offset.offset(1e-9));

        JsonNode replay = get("/api/students/" + student + "/replay-check", bearer("aud-1", "AUDITOR")).getBody();
        assertThat(replay.path("verified").asBoolean()).isTrue();
        assertThat(replay.path("mismatches")).isEmpty();
    }

    @Test
    void onlyAuditorsAndAdminsAudit() {
        String student = journey(id("stu"), CompetencyContext.of(CompetencyPolicy.defaults("cmp-audit")));
        enroll(student, id("cls"), "tch-aud");
        assertThat(get("/internal/audit/students/" + student + "/verify", bearer("tch-aud", "TEACHER")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/internal/audit/students/" + student + "/history", bearer(student, "STUDENT")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/api/students/" + student + "/replay-check", bearer(student, "STUDENT")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("/internal/audit/students/nobody-" + student + "/verify", bearer("aud-1", "AUDITOR")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anAlteredStoredPayloadIsLocated() {
        String student = journey(id("stu"), CompetencyContext.of(CompetencyPolicy.defaults("cmp-audit")));
        long evidenceAt = jdbc.queryForObject("SELECT sequenceNumber FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE '%EvidenceAccepted' ORDER BY sequenceNumber LIMIT 1", Long.class, student);
        int altered = jdbc.update("UPDATE DomainEventEntry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"score\":2.0', '\"score\":4.0'), 'UTF8') WHERE aggregateIdentifier = ? AND sequenceNumber = ?", student, evidenceAt);
        assertThat(altered).isEqualTo(1);

        JsonNode verified = get("/internal/audit/students/" + student + "/verify", bearer("aud-1", "AUDITOR")).getBody();
        assertThat(verified.path("verified").asBoolean()).isFalse();
        JsonNode first = verified.path("mismatches").get(0);
        assertThat(first.path("kind").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(first.path("sequence").asLong()).isEqualTo(evidenceAt);
        // the decisions made on the true score no longer re-derive from the altered one
        assertThat(list(verified.path("mismatches"))).anySatisfy(m -> assertThat(m.path("kind").asText()).isEqualTo("DECISION_MISMATCH"));
    }

    @Test
    void anAlteredChainIsBroken() {
        String student = journey(id("stu"), CompetencyContext.of(CompetencyPolicy.defaults("cmp-audit")));
        jdbc.update("UPDATE DomainEventEntry SET metaData = convert_to(replace(convert_from(metaData, 'UTF8'), "
                + "'\"previousHash\":\"', '\"previousHash\":\"f'), 'UTF8') WHERE aggregateIdentifier = ? AND sequenceNumber = 2", student);
        JsonNode verified = get("/internal/audit/students/" + student + "/verify", bearer("aud-1", "AUDITOR")).getBody();
        assertThat(verified.path("verified").asBoolean()).isFalse();
        assertThat(list(verified.path("mismatches"))).anySatisfy(m -> {
            assertThat(m.path("kind").asText()).isEqualTo("CHAIN_BROKEN");
            assertThat(m.path("sequence").asLong()).isEqualTo(2);
        });
    }

    @Test
    void aNewPolicyVersionAppendsDecisionsAndKeepsTheOldOnes() throws Exception {
        String student = id("stu");
        String competency = id("cmp");
        define(competency(competency, 1, "DECAYING_AVERAGE", Map.of(), 2, List.of()));
        long deadline = System.currentTimeMillis() + 30_000;
        while (catalog.competency(competency).isEmpty() && System.currentTimeMillis() < deadline) {
            pause(100);
        }
        Instant t = Instant.parse("2026-10-01T09:00:00Z");
        evidence(student, student + "-e1", competency, 4, t, "FORMATIVE", null);
        evidence(student, student + "-e2", competency, 2, t.plusSeconds(3600), "FORMATIVE", null);
        awaitProgression(student, p -> competencyOf(p, competency) != null && competencyOf(p, competency).path("evidenceCount").asInt() == 2
                && competencyOf(p, competency).path("explanation").path("evidence").size() == 2);

        FEED.send(CurriculumTopics.FRAMEWORKS, "fw-test", CompetencyRevised.TYPE, null,
                new CompetencyRevised(competency(competency, 2, "LATEST", Map.of(), 2, List.of()), 1));
        JsonNode after = awaitProgression(student, p -> competencyOf(p, competency).path("explanation").path("policyVersion").asInt() == 2);
        JsonNode c = competencyOf(after, competency);
        assertThat(c.path("explanation").path("method").asText()).isEqualTo("LATEST");
        assertThat(c.path("score").asDouble()).isEqualTo(2.0);

        JsonNode history = get("/internal/audit/students/" + student + "/history", bearer("aud-1", "AUDITOR")).getBody();
        List<Integer> versions = list(history.path("entries")).stream()
                .filter(e -> e.path("type").asText().equals("progression.MasteryLevelChanged"))
                .map(e -> e.path("explanation").path("policyVersion").asInt()).toList();
        assertThat(versions).containsExactly(1, 1, 2);
        assertThat(get("/internal/audit/students/" + student + "/verify", bearer("aud-1", "AUDITOR")).getBody()
                .path("verified").asBoolean()).isTrue();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}

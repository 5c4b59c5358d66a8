package org.mastery.progression.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.assessment.AssessmentTopics;
import org.mastery.contracts.assessment.EvidenceRecorded;
import org.mastery.contracts.assessment.EvidenceVoided;
import org.mastery.contracts.progression.ProgressionEventType;
import org.mastery.contracts.progression.ProgressionTopics;
import org.mastery.progression.catalog.query.CatalogViews;
import org.mastery.progression.journey.integration.EvidenceListener;
import org.mastery.testsupport.CloudEventFeeder;
import org.mastery.testsupport.TopicProbe;
import org.mastery.testsupport.contracts.ContractSamples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Evidence from the assessment stream becomes one counted evidence and one decision, however often it arrives. */
class EvidenceConsumptionTest extends ProgressionIntegrationTest {

    @Autowired
    EvidenceListener listener;
    @Autowired
    CatalogViews catalog;
    @Autowired
    JdbcTemplate jdbc;

    /**
     * The listener takes Kafka's batches: a student's evidence in a batch is recorded in one
     * transaction (the journey loaded once), each evidence once, also when the batch comes again.
     */
    @Test
    void aStudentsEvidenceInOneBatchIsStoredInOneTransactionAndCountedOnce() {
        String a = id("stu");
        String b = id("stu");
        String competency = id("cmp");
        Instant t = Instant.parse("2026-10-05T09:00:00Z");
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            batch.add(evidenceRecordAt(batch.size(), a, evidenceRecord(a, "evd-" + a + "-" + i, competency, 2 + i * 0.5,
                    t.plusSeconds(i * 3600L), "FORMATIVE", "asm-batch")));
            if (i < 3) {
                batch.add(evidenceRecordAt(batch.size(), b, evidenceRecord(b, "evd-" + b + "-" + i, competency, 3,
                        t.plusSeconds(i * 3600L), "FORMATIVE", "asm-batch")));
            }
        }
        batch.add(batch.get(0)); // the same CloudEvent again within the batch

        listener.on(batch);
        listener.on(batch); // and the whole batch delivered again

        List<Long> transactionsOfA = transactionsOf(a);
        List<Long> transactionsOfB = transactionsOf(b);
        assertThat(transactionsOfA).as("a's three evidence records, one transaction").hasSize(1);
        assertThat(transactionsOfB).as("b's two, one other transaction").hasSize(1).doesNotContainAnyElementsOf(transactionsOfA);
        assertThat(countOf(a, "EvidenceAccepted")).isEqualTo(3);
        assertThat(countOf(b, "EvidenceAccepted")).isEqualTo(2);
        assertThat(countOf(a, "MasteryLevelChanged")).isEqualTo(3);
        awaitProgression(a, p -> competencyOf(p, competency) != null && competencyOf(p, competency).path("evidenceCount").asInt() == 3);
    }

    /** One unusable record in a batch is parked on the dead-letter topic; the evidence around it is counted. */
    @Test
    void anUnusableEvidenceRecordIsParkedAndTheRestOfItsBatchCounted() {
        String student = id("stu");
        String competency = id("cmp");
        Instant t = Instant.parse("2026-10-06T09:00:00Z");
        try (TopicProbe deadLetters = new TopicProbe("progression.deadletters.v1")) {
            evidence(student, "evd-" + student + "-1", competency, 3, t, "FORMATIVE", "asm-park");
            String unusable = FEED.send(AssessmentTopics.EVIDENCE, student, EvidenceRecorded.TYPE, student,
                    evidenceRecord(student, null, competency, 3, t.plusSeconds(60), "FORMATIVE", "asm-park"));
            evidence(student, "evd-" + student + "-2", competency, 4, t.plusSeconds(120), "FORMATIVE", "asm-park");

            awaitProgression(student, p -> competencyOf(p, competency) != null && competencyOf(p, competency).path("evidenceCount").asInt() == 2);
            List<ConsumerRecord<String, byte[]>> parked = deadLetters.readUntil(seen -> seen.stream()
                    .anyMatch(r -> read(r).path("id").asText().equals(unusable)), Duration.ofSeconds(45));
            assertThat(parked.stream().filter(r -> student.equals(r.key()))).hasSize(1);
        }
    }

    private static ConsumerRecord<String, byte[]> evidenceRecordAt(long offset, String student, EvidenceRecorded evidence) {
        return new ConsumerRecord<>(AssessmentTopics.EVIDENCE, 0, offset, student,
                CloudEventFeeder.cloudEvent(student, UUID.randomUUID().toString(), EvidenceRecorded.TYPE, student, evidence));
    }

    /** The PostgreSQL transactions that stored the journey's events. */
    private List<Long> transactionsOf(String studentId) {
        return jdbc.queryForList("select distinct xmin::text::bigint from domainevententry where aggregateidentifier = ?",
                Long.class, studentId);
    }

    private int countOf(String studentId, String eventType) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? and payloadtype like ?",
                Integer.class, studentId, "%." + eventType);
    }

    @Test
    void aDuplicatedEvidenceEventCountsOnceAndDecidesOnce() throws Exception {
        String student = id("stu");
        String competency = id("cmp");
        define(competency(competency, 1, "DECAYING_AVERAGE", Map.of("w", 0.65), 2, List.of()));
        // counted with the defined policy from the first evidence on (a later definition would re-decide once more)
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (catalog.competency(competency).isEmpty() && System.nanoTime() < deadline) {
            pause(100);
        }
        Instant t = Instant.parse("2026-10-01T09:00:00Z");
        EvidenceRecorded first = evidenceRecord(student, "evd-" + student + "-1", competency, 2, t, "FORMATIVE", "asm-a");
        // the same CloudEvent delivered twice, and the same evidence republished under a new event id
        FEED.send(AssessmentTopics.EVIDENCE, student, "dup-" + student, EvidenceRecorded.TYPE, student, first);
        FEED.send(AssessmentTopics.EVIDENCE, student, "dup-" + student, EvidenceRecorded.TYPE, student, first);
        FEED.send(AssessmentTopics.EVIDENCE, student, EvidenceRecorded.TYPE, student, first);
        evidence(student, "evd-" + student + "-2", competency, 3, t.plusSeconds(86_400), "FORMATIVE", "asm-a");
        evidence(student, "evd-" + student + "-3", competency, 4, t.plusSeconds(2 * 86_400), "SUMMATIVE", "asm-b");

        JsonNode progression = awaitProgression(student, p -> {
            JsonNode c = competencyOf(p, competency);
            return c != null && c.path("evidenceCount").asInt() == 3 && "MASTERED".equals(c.path("state").asText());
        });
        JsonNode c = competencyOf(progression, competency);
        assertThat(c.path("score").asDouble()).isCloseTo(3.5275, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.path("level").asInt()).isEqualTo(3);
        assertThat(c.path("levelLabel").asText()).isEqualTo("Proficient");
        assertThat(c.path("explanation").path("method").asText()).isEqualTo("DECAYING_AVERAGE");
        assertThat(c.path("explanation").path("evidence")).hasSize(3);

        // a voided evidence stops counting and the decision is recomputed from what remains: 2, 4
        FEED.send(AssessmentTopics.EVIDENCE, student, EvidenceVoided.TYPE, student, new EvidenceVoided("evd-" + student + "-2",
                student, competency, "VOIDED", null, t.plusSeconds(3 * 86_400)));
        // the withdrawal and the new decision may reach the view in two batches: wait for the decision
        JsonNode voided = awaitProgression(student, p -> competencyOf(p, competency).path("evidenceCount").asInt() == 2
                && competencyOf(p, competency).path("explanation").path("evidence").size() == 2);
        assertThat(competencyOf(voided, competency).path("score").asDouble()).isCloseTo(3.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(competencyOf(voided, competency).path("explanation").path("evidence").toString()).doesNotContain("-2\"");

        try (TopicProbe probe = new TopicProbe(ProgressionTopics.DECISIONS)) {
            List<ConsumerRecord<String, byte[]>> records = probe.readUntil(seen -> seen.stream()
                    .anyMatch(r -> student.equals(r.key()) && type(r).equals("progression.EvidenceWithdrawn")), Duration.ofSeconds(45));
            List<JsonNode> mine = records.stream().filter(r -> student.equals(r.key())).map(this::read).toList();
            assertThat(mine.stream().filter(e -> e.path("type").asText().equals("progression.EvidenceAccepted")))
                    .as("one EvidenceAccepted per evidence id").hasSize(3);
            assertThat(mine.stream().filter(e -> e.path("type").asText().equals("progression.MasteryLevelChanged")))
                    .as("one decision per counted evidence, one for the void").hasSize(4);
            assertThat(mine.stream().filter(e -> e.path("type").asText().equals("progression.EvidenceWithdrawn"))).hasSize(1);
            for (JsonNode event : mine) {
                ProgressionEventType type = ProgressionEventType.ofType(event.path("type").asText()).orElseThrow();
                ContractSamples.assertValid(ProgressionEventType.class, type.schemaResource(), event.path("data"));
                assertThat(event.path("subject").asText()).isEqualTo(student);
                assertThat(event.path("chainhash").asText()).hasSize(64);
                assertThat(event.path("chainprevhash").asText()).hasSize(64);
            }
        }
    }

    private String type(ConsumerRecord<String, byte[]> record) {
        return read(record).path("type").asText();
    }

    private JsonNode read(ConsumerRecord<String, byte[]> record) {
        try {
            return json.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.mastery.curriculum.framework.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.curriculum.CurriculumTopics;
import org.mastery.curriculum.support.ApiTest;
import org.mastery.testsupport.TopicProbe;
import org.springframework.http.HttpStatus;

/**
 * Imports a generated CASE package of 2,412 items through HTTP and prints how long it took (the
 * README quotes these numbers), with a 26-item package of the same shape as a baseline in the same
 * run. It asserts what was imported, never how fast: timings depend on the machine.
 */
class CaseImportBenchmarkTest extends ApiTest {

    @Test
    void importsTwoThousandItemsAndReportsTheTime() {
        String teacher = token(unique("tch"), "TEACHER");
        measure(teacher, GeneratedCasePackage.generate(json, unique("warm-up"), 2, 2, 5)); // JIT and connection warm-up, not reported
        Measured baseline = measure(teacher, GeneratedCasePackage.generate(json, unique("baseline"), 2, 2, 5));
        Measured large = measure(teacher, GeneratedCasePackage.generate(json, unique("large"), 12, 10, 19));
        assertThat(baseline.items).isEqualTo(26);
        assertThat(large.items).isEqualTo(2_412);

        System.out.printf(Locale.ROOT, "%n[case-import-benchmark] (embedded PostgreSQL with fsync off, MongoDB stand-in in memory, 2 shared cores)%n");
        for (Measured m : new Measured[] {baseline, large}) {
            System.out.printf(Locale.ROOT,
                    "[case-import-benchmark] %5d items: import %6d ms (%.2f ms/item) | framework view complete after %6d ms | "
                            + "all %d contract events on Kafka after %6d ms | identical re-import %5d ms%n",
                    m.items, m.importMillis, (double) m.importMillis / m.items, m.viewMillis, m.items + 1, m.kafkaMillis, m.reimportMillis);
        }
    }

    record Measured(int items, long importMillis, long viewMillis, long kafkaMillis, long reimportMillis) {
    }

    private Measured measure(String teacher, ObjectNode pkg) {
        int items = pkg.get("CFItems").size();
        long started = System.nanoTime();
        JsonNode result = expect(post("/api/frameworks/import/case", pkg, teacher), HttpStatus.CREATED);
        long imported = System.nanoTime();
        String fw = result.at("/outcome/frameworkId").asText();
        assertThat(result.at("/outcome/defined").asInt()).isEqualTo(items);
        assertThat(eventsOf(fw)).isEqualTo(items + 1L);

        eventually(() -> get("/api/frameworks/" + fw, teacher),
                r -> r.getStatusCode() == HttpStatus.OK && r.getBody().get("competencies").size() == items, Duration.ofMinutes(3));
        long viewed = System.nanoTime();
        try (TopicProbe probe = new TopicProbe(CurriculumTopics.FRAMEWORKS)) {
            probe.readUntil(seen -> seen.stream().filter(r -> fw.equals(r.key())).count() >= items + 1, Duration.ofMinutes(3));
        }
        long published = System.nanoTime();

        long again = System.nanoTime();
        JsonNode second = expect(post("/api/frameworks/import/case", pkg, teacher), HttpStatus.OK);
        long reimported = System.nanoTime();
        assertThat(second.at("/outcome/unchanged").asInt()).isEqualTo(items);
        assertThat(eventsOf(fw)).isEqualTo(items + 1L);

        JsonNode map = expect(get("/api/frameworks/" + fw + "/map", teacher), HttpStatus.OK);
        assertThat(map.get("topologicalOrder")).hasSize(items);
        return new Measured(items, ms(imported - started), ms(viewed - started), ms(published - started), ms(reimported - again));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}

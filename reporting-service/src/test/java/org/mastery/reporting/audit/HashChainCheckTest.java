package org.mastery.reporting.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.mastery.reporting.audit.query.HashChainCheck;
import org.mastery.reporting.projection.query.ReadModels;

class HashChainCheckTest {

    static ArrayNode chain(int n) {
        ArrayNode entries = ReadModels.JSON.createArrayNode();
        String previous = null;
        for (int i = n; i >= 1; i--) { // served out of order on purpose
            ObjectNode e = ReadModels.JSON.createObjectNode();
            e.put("sequence", i);
            e.put("eventId", "ev-" + i);
            e.put("hash", "h" + i);
            e.put("previousHash", i == 1 ? null : "h" + (i - 1));
            entries.add(e);
        }
        return entries;
    }

    @Test
    void anIntactChainPasses() {
        HashChainCheck.Result result = HashChainCheck.check(HashChainCheck.ordered(chain(5)));
        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
    }

    @Test
    void aRewrittenLinkIsFoundAndTheEventAfterItNamed() {
        ArrayNode entries = chain(5);
        // event 3 was altered and given a fresh hash: event 4's link no longer matches
        ((ObjectNode) entries.get(2)).put("hash", "forged");
        HashChainCheck.Result result = HashChainCheck.check(HashChainCheck.ordered(entries));
        assertThat(result.intact()).isFalse();
        assertThat(result.breaks()).singleElement().satisfies(b -> {
            assertThat(b.eventId()).isEqualTo("ev-4");
            assertThat(b.kind()).isEqualTo("CHAIN_BROKEN");
            assertThat(b.detail()).contains("ev-3");
        });
    }

    @Test
    void aRemovedEventIsAGap() {
        ArrayNode entries = chain(5);
        entries.remove(2); // sequence 3
        HashChainCheck.Result result = HashChainCheck.check(HashChainCheck.ordered(entries));
        assertThat(result.breaks()).extracting(HashChainCheck.Break::kind).contains("SEQUENCE_GAP", "CHAIN_BROKEN");
        assertThat(result.breaks()).allSatisfy(b -> assertThat(b.eventId()).isEqualTo("ev-4"));
    }
}

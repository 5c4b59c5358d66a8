package org.mastery.assessment.attempt.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttemptIdsTest {

    @Test
    void anAttemptIdNamesItsSeries() {
        String series = AttemptIds.seriesId("stu-1", "asm-1");
        assertThat(series).isEqualTo(AttemptIds.seriesId("stu-1", "asm-1")).startsWith("ser-");
        assertThat(series).isNotEqualTo(AttemptIds.seriesId("stu-1", "asm-2")).isNotEqualTo(AttemptIds.seriesId("stu-2", "asm-1"));
        assertThat(AttemptIds.seriesOf(AttemptIds.attemptId(series, 12))).contains(series);
    }

    @Test
    void otherTextIsNoAttemptId() {
        assertThat(AttemptIds.seriesOf("att-nope-1")).isEmpty();
        assertThat(AttemptIds.seriesOf(null)).isEmpty();
        assertThat(AttemptIds.seriesOf(AttemptIds.attemptId(AttemptIds.seriesId("a", "b"), 1) + "x")).isEmpty();
        assertThat(AttemptIds.seriesOf(AttemptIds.attemptId(AttemptIds.seriesId("a", "b"), 1).replace("-1", "-0"))).isEmpty();
    }
}

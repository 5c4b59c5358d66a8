package org.mastery.assessment.evidence.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Evidence ids are derived from what the evidence is for, so that handling the same command twice
 * (a replay, a test) yields the same ids, and two scorings of one attempt never share an id.
 */
public final class EvidenceIds {

    private EvidenceIds() {
    }

    /** The evidence of scoring round {@code round} (1 = first scoring) of an attempt on a competency. */
    public static String forAttempt(String attemptId, int round, String competencyId) {
        return "evd-" + uuid("attempt|" + attemptId + "|" + round + "|" + competencyId);
    }

    /** The evidence an xAPI statement gives on a competency. */
    public static String forStatement(String statementId, String competencyId) {
        return "evd-" + uuid("xapi|" + statementId + "|" + competencyId);
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}

package org.mastery.assessment.attempt.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A student's attempts on one assessment form one {@link AttemptSeries}, whose id is derived from
 * the pair. An attempt id names its series and its number, so any attempt command finds its
 * aggregate without a lookup: {@code att-<series uuid>-<n>}.
 */
public final class AttemptIds {

    private static final Pattern ATTEMPT = Pattern.compile("att-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-([1-9][0-9]{0,5})");

    private AttemptIds() {
    }

    public static String seriesId(String studentId, String assessmentId) {
        return "ser-" + UUID.nameUUIDFromBytes((studentId + "\u0000" + assessmentId).getBytes(StandardCharsets.UTF_8));
    }

    public static String attemptId(String seriesId, int number) {
        return "att-" + seriesId.substring("ser-".length()) + "-" + number;
    }

    /** The series of an attempt id; empty when the text is not an attempt id. */
    public static Optional<String> seriesOf(String attemptId) {
        if (attemptId == null) {
            return Optional.empty();
        }
        Matcher matcher = ATTEMPT.matcher(attemptId);
        return matcher.matches() ? Optional.of("ser-" + matcher.group(1)) : Optional.empty();
    }
}

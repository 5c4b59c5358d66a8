package org.mastery.assessment.attempt.web;

import java.util.regex.Pattern;
import org.mastery.assessment.attempt.query.IdempotencyKeys;

/** The digest of a caller's {@code Idempotency-Key} header, which is what the service stores and compares. */
final class RequestKeys {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private RequestKeys() {
    }

    /** Null without a key; a malformed key is refused (400). {@code scope} narrows it (e.g. to one student of a batch). */
    static String of(String callerId, String idempotencyKey, String... scope) {
        if (idempotencyKey == null) {
            return null;
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidRequestException("The Idempotency-Key header must be 1 to 200 visible ASCII characters");
        }
        StringBuilder text = new StringBuilder(callerId).append('\n').append(idempotencyKey);
        for (String part : scope) {
            text.append('\n').append(part);
        }
        return IdempotencyKeys.sha256(text.toString());
    }
}

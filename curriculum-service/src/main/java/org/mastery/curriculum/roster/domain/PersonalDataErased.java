package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A person's personal data was erased from the roster store; every read model must forget it too. */
@Revision("1")
public record PersonalDataErased(String personId, String role, Instant erasedAt) {
}

package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A guardian's link to a student was removed. */
@Revision("1")
public record GuardianUnlinked(String studentId, String guardianId, Instant unlinkedAt) {
}

package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** A student offered to tutor classmates. */
@Revision("1")
public record PeerTutoringOptedIn(String studentId) implements JourneyFact {
}

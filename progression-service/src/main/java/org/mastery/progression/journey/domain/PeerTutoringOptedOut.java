package org.mastery.progression.journey.domain;

import org.axonframework.serialization.Revision;

/** A student withdrew the offer to tutor. */
@Revision("1")
public record PeerTutoringOptedOut(String studentId) implements JourneyFact {
}

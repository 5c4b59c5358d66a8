package org.mastery.progression.journey.domain;

/** The sequence number and hash of a journey's last event. */
public record ChainHead(long sequence, String hash) {
}

package org.mastery.progression.journey.domain;

/**
 * The tamper-evident chain over a journey's events: every event carries, in its metadata, the hash of
 * the event before it and its own hash = SHA-256(previousHash | event type | canonical JSON of the
 * payload | sequence number). Implemented outside the domain (it needs the event serializer's JSON).
 */
public interface JourneyChain {

    String HASH = "hash";
    String PREVIOUS_HASH = "previousHash";
    /** The previous hash of a journey's first event. */
    String GENESIS = "0".repeat(64);

    String hash(String previousHash, Object payload, long sequenceNumber);
}

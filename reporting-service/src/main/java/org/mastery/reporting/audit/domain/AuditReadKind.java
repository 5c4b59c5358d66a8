package org.mastery.reporting.audit.domain;

/** What was read. */
public enum AuditReadKind {
    /** the replayed history, as of an instant */
    HISTORY,
    /** the re-derivation and hash-chain check */
    VERIFY,
    /** the list of earlier audit reads itself */
    READS
}

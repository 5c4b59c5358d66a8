package org.mastery.assessment.evidence.domain;

/** Why evidence stopped counting. */
public enum EvidenceVoidReason {
    /** the attempt was voided */
    VOIDED,
    /** a rescore recorded new evidence in its place */
    RESCORED
}

package org.mastery.reporting.audit.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record that someone read a student's audit history (or its verification). */
public record RecordAuditRead(@TargetAggregateIdentifier String auditTrailId, String studentId, String readerId,
                              List<String> readerRoles, String kind, Instant asOf, Instant readAt) {

    public static RecordAuditRead of(String studentId, String readerId, List<String> readerRoles, AuditReadKind kind,
                                     Instant asOf, Instant readAt) {
        return new RecordAuditRead(AuditTrail.idFor(studentId), studentId, readerId, readerRoles, kind.name(), asOf, readAt);
    }
}

package org.mastery.reporting.audit.domain;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Someone read a student's audit data. Ids and roles only: no names. */
@Revision("1")
public record AuditReadRecorded(String auditTrailId, String studentId, String readerId, List<String> readerRoles,
                                String kind, Instant asOf, Instant readAt) {
}

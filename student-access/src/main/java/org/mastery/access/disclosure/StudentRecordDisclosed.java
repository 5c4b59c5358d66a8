package org.mastery.access.disclosure;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Internal event: an individual student's data was disclosed to somebody. Appended to the serving
 * service's own event store (not to an aggregate), so the record of disclosures is as immutable as
 * the rest of the log; published as {@code access.StudentRecordDisclosed} on
 * {@code <service>.disclosures.v1}. Ids only.
 */
@Revision("1")
public record StudentRecordDisclosed(String studentId, String accessorId, List<String> accessorRoles, String service,
                                     String endpoint, String record, Instant disclosedAt, String correlationId) {
}

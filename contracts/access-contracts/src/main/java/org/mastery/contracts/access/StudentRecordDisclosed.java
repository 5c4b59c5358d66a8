package org.mastery.contracts.access;

import java.time.Instant;
import java.util.List;

/**
 * Somebody was shown an individual student's data (FERPA's record of disclosures): who
 * ({@code accessorId}, the token's subject, and the roles they acted in), which student, through
 * which endpoint of which service, when, and the request's correlation id. Published on
 * {@code <service>.disclosures.v1} (see {@link AccessTopics}) as {@code access.StudentRecordDisclosed},
 * keyed by student id. Ids only: no names, e-mails or free text about anyone.
 *
 * @param studentId     the student whose data was disclosed
 * @param accessorId    who read it: the subject of their bearer token
 * @param accessorRoles the roles the accessor held (STUDENT, GUARDIAN, TEACHER, LEADER, AUDITOR, ADMIN)
 * @param service       the service that answered, e.g. {@code progression}
 * @param endpoint      the HTTP method and path template answered, e.g. {@code GET /api/students/{studentId}/progression}
 * @param record        what kind of record it was, e.g. {@code progression}, {@code attempt}, {@code class-list}
 * @param disclosedAt   when the answer was given
 * @param correlationId the request's correlation id (as in the service's logs), when there was one
 */
public record StudentRecordDisclosed(
        String studentId,
        String accessorId,
        List<String> accessorRoles,
        String service,
        String endpoint,
        String record,
        Instant disclosedAt,
        String correlationId) {

    /** The CloudEvents {@code type} of this event. */
    public static final String TYPE = "access.StudentRecordDisclosed";
}

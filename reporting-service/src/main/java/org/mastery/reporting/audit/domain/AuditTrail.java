package org.mastery.reporting.audit.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The record of who read one student's audit data, kept in reporting's own append-only event store
 * (PostgreSQL): every read is an event that can never be changed or deleted, and the trail of a
 * student is read back by its aggregate id without scanning anything.
 */
@Aggregate
public class AuditTrail {

    static final Set<String> READER_ROLES = Set.of("AUDITOR", "ADMIN");

    @AggregateIdentifier
    private String auditTrailId;
    private long reads;

    protected AuditTrail() {
        // for Axon
    }

    public static String idFor(String studentId) {
        return "audit-trail:" + studentId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordAuditRead command) {
        if (command.studentId() == null || command.studentId().isBlank()) {
            throw new IllegalArgumentException("an audit read names the student read");
        }
        if (!idFor(command.studentId()).equals(command.auditTrailId())) {
            throw new IllegalArgumentException("an audit read belongs to the trail of the student read");
        }
        if (command.readerId() == null || command.readerId().isBlank()) {
            throw new IllegalArgumentException("an audit read names who read");
        }
        if (command.readerRoles() == null || command.readerRoles().stream().noneMatch(READER_ROLES::contains)) {
            throw new IllegalArgumentException("only auditors and admins read audit data");
        }
        if (command.kind() == null || command.readAt() == null) {
            throw new IllegalArgumentException("an audit read says what was read and when");
        }
        apply(new AuditReadRecorded(command.auditTrailId(), command.studentId(), command.readerId(),
                List.copyOf(command.readerRoles()), command.kind(), command.asOf(), command.readAt()));
    }

    @EventSourcingHandler
    void on(AuditReadRecorded event) {
        auditTrailId = event.auditTrailId();
        reads++;
    }

    long reads() {
        return reads;
    }
}

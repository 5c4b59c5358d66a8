package org.mastery.curriculum.roster.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A district or a school and the leaders who see its aggregates. That a school's district exists
 * (and is a district) is checked by the caller against the directory before dispatch.
 */
@Aggregate
public class Organization {

    public static final String DISTRICT = "DISTRICT";
    public static final String SCHOOL = "SCHOOL";

    @AggregateIdentifier
    private String orgId;
    private final Set<String> leaderIds = new HashSet<>();

    protected Organization() {
        // for Axon
    }

    @CommandHandler
    public Organization(RegisterOrganization command, Clock clock) {
        String type = Fields.code(command.type(), "type");
        if (!DISTRICT.equals(type) && !SCHOOL.equals(type)) {
            throw new InvalidRosterException("type must be DISTRICT or SCHOOL (got '" + command.type() + "')");
        }
        String parent = Fields.optional(command.parentOrgId(), "parentOrgId", 100);
        if (DISTRICT.equals(type) && parent != null) {
            throw new InvalidRosterException("a district has no parent organisation");
        }
        apply(new OrganizationRegistered(command.orgId(), type, parent, Fields.required(command.name(), "name", 200),
                clock.instant()));
    }

    /** Answers whether anything changed (assigning twice changes nothing). */
    @CommandHandler
    public boolean handle(AssignLeader command, Clock clock) {
        if (leaderIds.contains(command.leaderId())) {
            return false;
        }
        apply(new LeaderAssigned(orgId, Fields.required(command.leaderId(), "leaderId", 100), clock.instant()));
        return true;
    }

    @CommandHandler
    public boolean handle(UnassignLeader command, Clock clock) {
        if (!leaderIds.contains(command.leaderId())) {
            return false;
        }
        apply(new LeaderUnassigned(orgId, command.leaderId(), clock.instant()));
        return true;
    }

    @EventSourcingHandler
    void on(OrganizationRegistered event) {
        orgId = event.orgId();
    }

    @EventSourcingHandler
    void on(LeaderAssigned event) {
        leaderIds.add(event.leaderId());
    }

    @EventSourcingHandler
    void on(LeaderUnassigned event) {
        leaderIds.remove(event.leaderId());
    }
}

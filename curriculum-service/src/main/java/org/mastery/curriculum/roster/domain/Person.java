package org.mastery.curriculum.roster.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person of the roster under a pseudonymous id (stu-…, tch-…, grd-…, ldr-…) with one role; a
 * student also holds their guardian links. Names and e-mails are never in its events: they live in
 * a deletable record beside the log, and {@link ErasePersonalData} records that they were erased.
 */
@Aggregate
public class Person {

    public static final Set<String> ROLES = Set.of("STUDENT", "TEACHER", "GUARDIAN", "LEADER");

    @AggregateIdentifier
    private String personId;
    private String role;
    private boolean erased;
    private final Map<String, String> guardians = new HashMap<>();

    protected Person() {
        // for Axon
    }

    @CommandHandler
    public Person(RegisterPerson command, Clock clock) {
        String role = Fields.code(command.role(), "role");
        if (!ROLES.contains(role)) {
            throw new InvalidRosterException("role must be one of " + ROLES + " (got '" + command.role() + "')");
        }
        String school = Fields.optional(command.schoolId(), "schoolId", 100);
        if ("STUDENT".equals(role) && school == null) {
            throw new InvalidRosterException("a student must be registered at a school (schoolId)");
        }
        apply(new PersonRegistered(command.personId(), role, school, Fields.optional(command.gradeLevel(), "gradeLevel", 20),
                clock.instant()));
    }

    @CommandHandler
    public boolean handle(LinkGuardian command, Clock clock) {
        if (!"STUDENT".equals(role)) {
            throw new RosterConflictException("Guardians are linked to students; " + personId + " is a " + role);
        }
        String relationship = command.relationship() == null || command.relationship().isBlank()
                ? "GUARDIAN" : Fields.code(command.relationship(), "relationship");
        if (relationship.equals(guardians.get(command.guardianId()))) {
            return false;
        }
        apply(new GuardianLinked(personId, Fields.required(command.guardianId(), "guardianId", 100), relationship, clock.instant()));
        return true;
    }

    @CommandHandler
    public boolean handle(UnlinkGuardian command, Clock clock) {
        if (!guardians.containsKey(command.guardianId())) {
            return false;
        }
        apply(new GuardianUnlinked(personId, command.guardianId(), clock.instant()));
        return true;
    }

    /** Erasing twice records it once. */
    @CommandHandler
    public boolean handle(ErasePersonalData command, Clock clock) {
        if (erased) {
            return false;
        }
        apply(new PersonalDataErased(personId, role, clock.instant()));
        return true;
    }

    @EventSourcingHandler
    void on(PersonRegistered event) {
        personId = event.personId();
        role = event.role();
    }

    @EventSourcingHandler
    void on(GuardianLinked event) {
        guardians.put(event.guardianId(), event.relationship());
    }

    @EventSourcingHandler
    void on(GuardianUnlinked event) {
        guardians.remove(event.guardianId());
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased = true;
    }
}

package org.mastery.curriculum.roster.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.access.disclosure.DisclosesStudentRecord;
import org.mastery.access.disclosure.StudentRecordDisclosures;
import org.mastery.curriculum.config.InvalidReferenceException;
import org.mastery.curriculum.config.RequestValidator;
import org.mastery.curriculum.config.TransactionalCommands;
import org.mastery.curriculum.directory.query.Directory;
import org.mastery.curriculum.roster.domain.ErasePersonalData;
import org.mastery.curriculum.roster.domain.LinkGuardian;
import org.mastery.curriculum.roster.domain.Organization;
import org.mastery.curriculum.roster.domain.RegisterPerson;
import org.mastery.curriculum.roster.domain.UnlinkGuardian;
import org.mastery.curriculum.roster.query.PersonalData;
import org.mastery.curriculum.roster.query.PersonalDataStore;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * People of the roster (students, teachers, guardians, leaders) under pseudonymous ids, their
 * personal data (kept only in the deletable personal-data table), guardian links, and erasure.
 */
@RestController
public class PersonController {

    private final TransactionalCommands commands;
    private final AccessGuard access;
    private final Directory directory;
    private final PersonalDataStore personalData;
    private final RequestValidator validator;
    private final Clock clock;

    public PersonController(TransactionalCommands commands, AccessGuard access, Directory directory,
                            PersonalDataStore personalData, RequestValidator validator, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.directory = directory;
        this.personalData = personalData;
        this.validator = validator;
        this.clock = clock;
    }

    public record PersonRequest(@NotBlank @Pattern(regexp = "STUDENT|TEACHER|GUARDIAN|LEADER",
                                        message = "must be STUDENT, TEACHER, GUARDIAN or LEADER") String role,
                                @NotBlank @Size(max = 200) String givenName, @NotBlank @Size(max = 200) String familyName,
                                @Size(max = 200) String middleName, @Size(max = 200) String preferredGivenName,
                                @Email @Size(max = 320) String email, @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String schoolId,
                                @Size(max = 20) String gradeLevel) {
    }

    public record PersonCreated(String personId, String role) {
    }

    /** What other services and clients may show of a person; names are gone once erased. */
    public record PersonResponse(String personId, List<String> roles, String schoolId, String givenName, String familyName,
                                 String middleName, String preferredGivenName, String email, boolean erased) {
    }

    public record GuardianRequest(@NotBlank @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String guardianId,
                                  @Pattern(regexp = "[A-Za-z_]{1,30}", message = "must be a word such as PARENT or GUARDIAN")
                                  String relationship) {
    }

    @PostMapping("/api/roster/people")
    public ResponseEntity<PersonCreated> register(@RequestBody PersonRequest body, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        validator.valid(body);
        if (body.schoolId() != null && !body.schoolId().isBlank()
                && directory.find(body.schoolId(), Directory.ORGANIZATION, Organization.SCHOOL).isEmpty()) {
            throw new InvalidReferenceException("schoolId " + body.schoolId() + " is not a school");
        }
        String id = prefix(body.role()) + UUID.randomUUID();
        PersonalData data = new PersonalData(body.givenName().strip(), body.familyName().strip(), blank(body.middleName()),
                blank(body.preferredGivenName()), blank(body.email()), null);
        commands.inTransaction(() -> {
            personalData.save(id, data, clock.instant());
            return commands.send(new RegisterPerson(id, body.role(), body.schoolId(), body.gradeLevel()));
        });
        return ResponseEntity.created(URI.create("/api/roster/people/" + id)).body(new PersonCreated(id, body.role()));
    }

    /**
     * A person's display data: for administrators and auditors, the person themself, and — for a
     * student — their teachers and guardians. Anything else (including unknown ids) is 404.
     */
    @GetMapping("/api/roster/people/{id}")
    @DisclosesStudentRecord(record = "roster-person")
    public PersonResponse get(@PathVariable String id, Viewer viewer) {
        Directory.Entry person = directory.find(id, Directory.PERSON, null).orElseThrow(() -> new NoSuchObjectException("person", id));
        if ("STUDENT".equals(person.subtype())) {
            // the same "no person" as for an unknown id: "no student" would tell that the id is a student's
            if (!access.policy().canReadStudent(viewer, id)) {
                throw new NoSuchObjectException("person", id);
            }
            StudentRecordDisclosures.add(id);
        } else if (!viewer.hasAny(Role.ADMIN, Role.AUDITOR) && !viewer.id().equals(id)) {
            throw new NoSuchObjectException("person", id);
        }
        PersonalData data = person.erased() ? null : personalData.find(id).orElse(null);
        return new PersonResponse(id, List.of(person.subtype()), person.parentId(),
                data == null ? null : data.givenName(), data == null ? null : data.familyName(),
                data == null ? null : data.middleName(), data == null ? null : data.preferredGivenName(),
                data == null ? null : data.email(), person.erased());
    }

    /** Right to be forgotten: the names and e-mail are deleted and {@code roster.PersonalDataErased} is published. */
    @DeleteMapping("/api/roster/people/{id}/personal-data")
    public ResponseEntity<Void> erase(@PathVariable String id, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        requirePerson(id, null);
        commands.inTransaction(() -> commands.send(new ErasePersonalData(id)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/roster/students/{id}/guardians")
    public Map<String, Object> linkGuardian(@PathVariable String id, @RequestBody GuardianRequest body, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        requirePerson(id, "STUDENT");
        validator.valid(body);
        if (directory.find(body.guardianId(), Directory.PERSON, "GUARDIAN").isEmpty()) {
            throw new InvalidReferenceException("guardianId " + body.guardianId() + " is not a person registered as a GUARDIAN");
        }
        boolean changed = commands.send(new LinkGuardian(id, body.guardianId(), body.relationship()));
        return Map.of("studentId", id, "guardianId", body.guardianId(), "changed", changed);
    }

    @DeleteMapping("/api/roster/students/{id}/guardians/{guardianId}")
    public ResponseEntity<Void> unlinkGuardian(@PathVariable String id, @PathVariable String guardianId, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        requirePerson(id, "STUDENT");
        requirePerson(guardianId, "GUARDIAN");
        commands.send(new UnlinkGuardian(id, guardianId));
        return ResponseEntity.noContent().build();
    }

    private void requirePerson(String id, String role) {
        if (directory.find(id, Directory.PERSON, role).isEmpty()) {
            throw new NoSuchObjectException(role == null ? "person" : role.toLowerCase(), id);
        }
    }

    private static String prefix(String role) {
        return switch (role) {
            case "STUDENT" -> "stu-";
            case "TEACHER" -> "tch-";
            case "GUARDIAN" -> "grd-";
            default -> "ldr-";
        };
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

package org.mastery.curriculum.roster.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.mastery.curriculum.roster.domain.AssignTeacher;
import org.mastery.curriculum.roster.domain.CreateClass;
import org.mastery.curriculum.roster.domain.EnrollStudent;
import org.mastery.curriculum.roster.domain.Organization;
import org.mastery.curriculum.roster.domain.UnassignTeacher;
import org.mastery.curriculum.roster.domain.UnenrollStudent;
import org.mastery.curriculum.roster.query.ClassView;
import org.mastery.curriculum.roster.query.PersonalData;
import org.mastery.curriculum.roster.query.PersonalDataStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Classes (sections), their teachers and enrolments. Administrators write; the class's teachers,
 * auditors and administrators read, including the class list with names.
 */
@RestController
@RequestMapping("/api/classes")
public class ClassController {

    private final TransactionalCommands commands;
    private final MongoTemplate mongo;
    private final AccessGuard access;
    private final Directory directory;
    private final PersonalDataStore personalData;
    private final RequestValidator validator;

    public ClassController(TransactionalCommands commands, MongoTemplate mongo, AccessGuard access, Directory directory,
                           PersonalDataStore personalData, RequestValidator validator) {
        this.commands = commands;
        this.mongo = mongo;
        this.access = access;
        this.directory = directory;
        this.personalData = personalData;
        this.validator = validator;
    }

    public record ClassRequest(@NotBlank @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String schoolId, @NotBlank @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String courseId,
                               @NotBlank @Size(max = 200) String title, @Size(max = 100) String term,
                               @Size(max = 20) List<@NotBlank @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String> teacherIds) {
    }

    public record TeacherRequest(@NotBlank @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String teacherId) {
    }

    public record EnrollmentRequest(@NotBlank @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String studentId) {
    }

    public record Student(String personId, String givenName, String familyName, String preferredGivenName, boolean erased) {
    }

    public record ClassList(String classId, String title, String term, String schoolId, String courseId,
                            List<String> teacherIds, List<Student> students) {
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> create(@RequestBody ClassRequest body, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        validator.valid(body);
        if (directory.find(body.schoolId(), Directory.ORGANIZATION, Organization.SCHOOL).isEmpty()) {
            throw new InvalidReferenceException("schoolId " + body.schoolId() + " is not a school");
        }
        if (directory.find(body.courseId(), Directory.COURSE, null).isEmpty()) {
            throw new InvalidReferenceException("courseId " + body.courseId() + " is not a course");
        }
        List<String> teachers = body.teacherIds() == null ? List.of() : body.teacherIds();
        teachers.forEach(this::requireTeacher);
        String id = "cls-" + UUID.randomUUID();
        commands.inTransaction(() -> {
            commands.send(new CreateClass(id, body.schoolId(), body.courseId(), body.title(), body.term()));
            teachers.forEach(t -> commands.send(new AssignTeacher(id, t)));
            return null;
        });
        return ResponseEntity.created(URI.create("/api/classes/" + id)).body(Map.of("classId", id));
    }

    @GetMapping("/{id}")
    @DisclosesStudentRecord(record = "class-roster")
    public ClassView get(@PathVariable String id, Viewer viewer) {
        access.requireClassReadable(viewer, id);
        ClassView view = view(id);
        if (view.studentIds() != null) {
            StudentRecordDisclosures.addAll(view.studentIds());
        }
        return view;
    }

    /** The class list with names (from the personal-data store; erased students keep their id, without names). */
    @GetMapping("/{id}/students")
    @DisclosesStudentRecord(record = "class-list")
    public ClassList students(@PathVariable String id, Viewer viewer) {
        access.requireClassReadable(viewer, id);
        ClassView view = view(id);
        List<String> ids = view.studentIds() == null ? List.of() : view.studentIds();
        StudentRecordDisclosures.addAll(ids);
        Map<String, PersonalData> names = personalData.findAll(ids);
        List<Student> students = new ArrayList<>();
        for (String studentId : ids) {
            PersonalData data = names.get(studentId);
            students.add(data == null ? new Student(studentId, null, null, null, true)
                    : new Student(studentId, data.givenName(), data.familyName(), data.preferredGivenName(), false));
        }
        students.sort(Comparator.comparing(Student::familyName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(Student::givenName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparing(Student::personId));
        return new ClassList(id, view.title(), view.term(), view.schoolId(), view.courseId(),
                view.teacherIds() == null ? List.of() : view.teacherIds(), students);
    }

    @PostMapping("/{id}/teachers")
    public ResponseEntity<Map<String, Object>> assignTeacher(@PathVariable String id, @RequestBody TeacherRequest body,
                                                             Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        requireClass(id);
        validator.valid(body);
        requireTeacher(body.teacherId());
        boolean changed = commands.send(new AssignTeacher(id, body.teacherId()));
        return ResponseEntity.status(changed ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("classId", id, "teacherId", body.teacherId(), "changed", changed));
    }

    @DeleteMapping("/{id}/teachers/{teacherId}")
    public ResponseEntity<Void> unassignTeacher(@PathVariable String id, @PathVariable String teacherId, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        requireClass(id);
        requirePerson(teacherId, "TEACHER");
        commands.send(new UnassignTeacher(id, teacherId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/enrollments")
    public ResponseEntity<Map<String, Object>> enroll(@PathVariable String id, @RequestBody EnrollmentRequest body,
                                                      Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        requireClass(id);
        validator.valid(body);
        if (directory.find(body.studentId(), Directory.PERSON, "STUDENT").isEmpty()) {
            throw new InvalidReferenceException("studentId " + body.studentId() + " is not a person registered as a STUDENT");
        }
        boolean changed = commands.send(new EnrollStudent(id, body.studentId()));
        return ResponseEntity.status(changed ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("classId", id, "studentId", body.studentId(), "changed", changed));
    }

    @DeleteMapping("/{id}/enrollments/{studentId}")
    public ResponseEntity<Void> unenroll(@PathVariable String id, @PathVariable String studentId, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        requireClass(id);
        requirePerson(studentId, "STUDENT");
        commands.send(new UnenrollStudent(id, studentId));
        return ResponseEntity.noContent().build();
    }

    private ClassView view(String id) {
        ClassView view = mongo.findById(id, ClassView.class);
        if (view == null) {
            throw new NoSuchObjectException("class", id);
        }
        return view;
    }

    private void requireClass(String id) {
        if (directory.find(id, Directory.CLASS, null).isEmpty()) {
            throw new NoSuchObjectException("class", id);
        }
    }

    /** 404 for an id in the path that is no person of that role (unassigning someone merely not assigned is fine: 204). */
    private void requirePerson(String personId, String role) {
        if (directory.find(personId, Directory.PERSON, role).isEmpty()) {
            throw new NoSuchObjectException(role.toLowerCase(), personId);
        }
    }

    private void requireTeacher(String teacherId) {
        if (directory.find(teacherId, Directory.PERSON, "TEACHER").isEmpty()) {
            throw new InvalidReferenceException("teacherId " + teacherId + " is not a person registered as a TEACHER");
        }
    }
}

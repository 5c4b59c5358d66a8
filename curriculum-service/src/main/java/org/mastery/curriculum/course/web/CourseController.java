package org.mastery.curriculum.course.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.curriculum.config.InvalidReferenceException;
import org.mastery.curriculum.config.RequestValidator;
import org.mastery.curriculum.course.domain.CourseContent;
import org.mastery.curriculum.course.domain.DefineCourse;
import org.mastery.curriculum.course.domain.ReviseCourse;
import org.mastery.curriculum.course.query.CourseView;
import org.mastery.curriculum.directory.query.Directory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Courses: competencies (from any frameworks) and credits. Administrators write; anyone signed in reads. */
@RestController
@RequestMapping("/api/courses")
public class CourseController {

    private final CommandGateway commands;
    private final MongoTemplate mongo;
    private final AccessGuard access;
    private final Directory directory;
    private final RequestValidator validator;

    public CourseController(CommandGateway commands, MongoTemplate mongo, AccessGuard access, Directory directory,
                            RequestValidator validator) {
        this.commands = commands;
        this.mongo = mongo;
        this.access = access;
        this.directory = directory;
        this.validator = validator;
    }

    public record CourseRequest(@NotBlank @Size(max = 60) String code, @NotBlank @Size(max = 200) String title,
                                @NotBlank @Size(max = 100) String subject,
                                @NotNull @DecimalMin("0") @DecimalMax("100") Double credits,
                                @Size(max = 2_000) List<@NotBlank @Pattern(regexp = RequestValidator.ID, message = RequestValidator.ID_MESSAGE) String> competencyIds) {

        CourseContent content() {
            return new CourseContent(code, title, subject, credits, competencyIds);
        }
    }

    public record CourseVersion(String courseId, int version) {
    }

    @PostMapping
    public ResponseEntity<CourseVersion> define(@RequestBody CourseRequest body, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        validator.valid(body);
        requireCompetencies(body.competencyIds());
        String id = "crs-" + UUID.randomUUID();
        commands.sendAndWait(new DefineCourse(id, body.content()));
        return ResponseEntity.created(URI.create("/api/courses/" + id)).body(new CourseVersion(id, 1));
    }

    @PutMapping("/{id}")
    public CourseVersion revise(@PathVariable String id, @RequestBody CourseRequest body, Viewer viewer) {
        access.requireRole(viewer, Role.ADMIN);
        if (directory.find(id, Directory.COURSE, null).isEmpty()) {
            throw new NoSuchObjectException("course", id);
        }
        validator.valid(body);
        requireCompetencies(body.competencyIds());
        int version = commands.sendAndWait(new ReviseCourse(id, body.content()));
        return new CourseVersion(id, version);
    }

    @GetMapping("/{id}")
    public CourseView get(@PathVariable String id) {
        CourseView view = mongo.findById(id, CourseView.class);
        if (view == null) {
            throw new NoSuchObjectException("course", id);
        }
        return view;
    }

    private void requireCompetencies(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        Map<String, Directory.Entry> found = directory.findAll(ids);
        List<String> unknown = ids.stream().filter(id -> found.get(id) == null || !found.get(id).is(Directory.COMPETENCY, null))
                .distinct().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidReferenceException("competencyIds holds ids that are not competencies: " + unknown);
        }
    }
}

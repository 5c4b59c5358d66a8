package org.mastery.reporting.classroom.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Viewer;
import org.mastery.access.disclosure.DisclosesStudentRecord;
import org.mastery.access.disclosure.StudentRecordDisclosures;
import org.mastery.reporting.classroom.query.ClassMapAssembler;
import org.mastery.reporting.classroom.query.ClassViews;
import org.mastery.reporting.config.BearerTokens;
import org.mastery.reporting.people.query.PeopleDirectory;
import org.mastery.reporting.projection.query.Catalog;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A class's views: for the class's teachers, admins and auditors. */
@RestController
@Validated
@RequestMapping("/api/reports/classes/{id}")
public class ClassReportController {

    private final ClassMapAssembler classes;
    private final PeopleDirectory people;
    private final AccessGuard access;

    public ClassReportController(ClassMapAssembler classes, PeopleDirectory people, AccessGuard access) {
        this.classes = classes;
        this.people = people;
        this.access = access;
    }

    /** Students × competencies; {@code sortBy} = student (default), mastered, or a competency id; {@code order} = asc|desc. */
    @GetMapping("/mastery-map")
    @DisclosesStudentRecord(record = "class-mastery-map")
    public ClassViews.MasteryMap masteryMap(@PathVariable String id, @RequestParam(required = false) String sortBy,
                                            @RequestParam(required = false) String order, Viewer viewer) {
        ObjectNode doc = classDocument(id, viewer);
        ClassViews.MasteryMap map = classes.masteryMap(doc, names(doc), sortBy, order);
        map.students().forEach(row -> StudentRecordDisclosures.add(row.studentId()));
        return map;
    }

    @GetMapping("/interventions")
    @DisclosesStudentRecord(record = "class-interventions")
    public ClassViews.Interventions interventions(@PathVariable String id, Viewer viewer) {
        ObjectNode doc = classDocument(id, viewer);
        ClassViews.Interventions interventions = classes.interventions(id, doc, names(doc));
        interventions.groups().forEach(g -> g.members().forEach(m -> StudentRecordDisclosures.add(m.studentId())));
        return interventions;
    }

    @GetMapping("/peer-tutors")
    @DisclosesStudentRecord(record = "class-peer-tutors")
    public ClassViews.PeerTutors peerTutors(@PathVariable String id,
                                            @RequestParam @NotBlank(message = "competency is required")
                                            @Size(max = 200) String competency, Viewer viewer) {
        ObjectNode doc = classDocument(id, viewer);
        ClassViews.PeerTutors tutors = classes.peerTutors(id, doc, competency, ids -> people.names(ids, BearerTokens.current()));
        tutors.tutors().forEach(t -> StudentRecordDisclosures.add(t.studentId()));
        return tutors;
    }

    private ObjectNode classDocument(String id, Viewer viewer) {
        access.requireClassReadable(viewer, id);
        return classes.classDocument(id).orElseThrow(() -> new NoSuchObjectException("class", id));
    }

    private Map<String, String> names(ObjectNode doc) {
        return people.names(Catalog.studentIds(doc), BearerTokens.current());
    }
}

package org.mastery.reporting.student.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.mastery.access.AccessGuard;
import org.mastery.access.NoSuchObjectException;
import org.mastery.access.Viewer;
import org.mastery.access.disclosure.DisclosesStudentRecord;
import org.mastery.reporting.config.BearerTokens;
import org.mastery.reporting.config.InvalidReportRequestException;
import org.mastery.reporting.people.query.PeopleDirectory;
import org.mastery.reporting.student.query.ClrCredentialWriter;
import org.mastery.reporting.student.query.TrackerAssembler;
import org.mastery.reporting.student.query.TrackerView;
import org.mastery.reporting.student.query.TranscriptAssembler;
import org.mastery.reporting.student.query.TranscriptView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student's tracker and transcript: for the student, their guardians, their teachers, admins and
 * auditors. Anyone else gets the same 404 as for an unknown student.
 */
@RestController
@RequestMapping("/api/reports/students/{id}")
public class StudentReportController {

    public static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

    private final TrackerAssembler trackers;
    private final TranscriptAssembler transcripts;
    private final ClrCredentialWriter clr;
    private final PeopleDirectory people;
    private final AccessGuard access;

    public StudentReportController(TrackerAssembler trackers, TranscriptAssembler transcripts, ClrCredentialWriter clr,
                                   PeopleDirectory people, AccessGuard access) {
        this.trackers = trackers;
        this.transcripts = transcripts;
        this.clr = clr;
        this.people = people;
        this.access = access;
    }

    @GetMapping
    @DisclosesStudentRecord(record = "tracker", studentIdVariable = "id")
    public TrackerView tracker(@PathVariable String id, Viewer viewer) {
        access.requireStudentReadable(viewer, id);
        return trackers.tracker(id, name(id)).orElseThrow(() -> new NoSuchObjectException("student", id));
    }

    @GetMapping("/transcript")
    @DisclosesStudentRecord(record = "transcript", studentIdVariable = "id")
    public ResponseEntity<?> transcript(@PathVariable String id, @RequestParam(required = false) String format, Viewer viewer) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            access.requireStudentReadable(viewer, id);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(transcriptOf(id));
        }
        if (format.equalsIgnoreCase("clr") || format.equalsIgnoreCase("ob3")) {
            return clr(id, viewer);
        }
        throw new InvalidReportRequestException("format must be 'json' or 'clr'; got '" + format + "'");
    }

    @GetMapping("/transcript/clr")
    @DisclosesStudentRecord(record = "transcript-credential", studentIdVariable = "id")
    public ResponseEntity<ObjectNode> clr(@PathVariable String id, Viewer viewer) {
        access.requireStudentReadable(viewer, id);
        return ResponseEntity.ok().contentType(LD_JSON).body(clr.write(transcriptOf(id)));
    }

    private TranscriptView transcriptOf(String id) {
        return transcripts.transcript(id, name(id)).orElseThrow(() -> new NoSuchObjectException("student", id));
    }

    private String name(String id) {
        Optional<String> name = people.name(id, BearerTokens.current());
        return name.orElse(null);
    }
}

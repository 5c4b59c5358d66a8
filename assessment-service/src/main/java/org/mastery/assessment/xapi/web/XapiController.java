package org.mastery.assessment.xapi.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.assessment.assessment.domain.AlignedCompetency;
import org.mastery.assessment.assessment.domain.AssessmentMethod;
import org.mastery.assessment.assessment.domain.AssessmentSpec;
import org.mastery.assessment.assessment.query.AssessmentDefinition;
import org.mastery.assessment.assessment.query.AssessmentDefinitions;
import org.mastery.assessment.attempt.web.StudentActions;
import org.mastery.assessment.xapi.domain.RecordStatement;
import org.mastery.assessment.xapi.domain.StatementConflictException;
import org.mastery.assessment.xapi.domain.StatementResult;
import org.mastery.assessment.xapi.query.ActivityMapping;
import org.mastery.assessment.xapi.query.ActivityMappings;
import org.mastery.assessment.xapi.query.RecordedStatements;
import org.mastery.assessment.xapi.web.StatementParser.ParsedStatement;
import org.mastery.assessment.xapi.web.StatementParser.Problem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * xAPI intake: scored statements from external tools become evidence on the competencies their
 * activity is mapped to. The whole request is checked before anything is recorded: malformed
 * statements are answered 400, unmapped activities or unusable statements 422 (naming them), a
 * reused statement id with other content 409; otherwise every statement is recorded once, however
 * often it is sent. Answers the statement ids, as an xAPI LRS does.
 */
@RestController
public class XapiController {

    public static final String VERSION_HEADER = "X-Experience-API-Version";

    private final CommandGateway commands;
    private final ActivityMappings mappings;
    private final AssessmentDefinitions definitions;
    private final RecordedStatements recorded;
    private final StudentActions actions;
    private final AccessGuard access;
    private final Clock clock;

    public XapiController(CommandGateway commands, ActivityMappings mappings, AssessmentDefinitions definitions,
                          RecordedStatements recorded, StudentActions actions, AccessGuard access, Clock clock) {
        this.commands = commands;
        this.mappings = mappings;
        this.definitions = definitions;
        this.recorded = recorded;
        this.actions = actions;
        this.access = access;
        this.clock = clock;
    }

    @PostMapping("/api/xapi/statements")
    public ResponseEntity<List<String>> statements(@RequestBody JsonNode body,
                                                   @RequestHeader(value = VERSION_HEADER, required = false) String version,
                                                   Viewer viewer) {
        access.requireWriter(viewer);
        access.requireRole(viewer, Role.TEACHER, Role.ADMIN);
        if (version != null && !version.startsWith("1.0")) {
            throw new XapiRequestException(List.of("xAPI version " + version + " is not supported; send 1.0.3"));
        }
        StatementParser.Parsed parsed = StatementParser.parse(body, clock.instant());
        if (!parsed.malformed().isEmpty()) {
            throw new XapiRequestException(parsed.malformed().stream().map(Problem::toString).toList());
        }
        List<Problem> unusable = new ArrayList<>(parsed.unusable());
        Set<String> unmapped = new LinkedHashSet<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        for (ParsedStatement statement : parsed.statements()) {
            if (targets.containsKey(statement.activityId()) || unmapped.contains(statement.activityId())) {
                continue;
            }
            Optional<ActivityMapping> mapping = mappings.find(statement.activityId());
            if (mapping.isEmpty()) {
                unmapped.add(statement.activityId());
                continue;
            }
            Optional<AssessmentDefinition> definition = definitions.find(mapping.get().assessmentId());
            if (definition.isEmpty() || definition.get().retired()) {
                unusable.add(new Problem(statement.index(), statement.statementId(), "activity " + statement.activityId()
                        + " is mapped to " + (definition.isEmpty() ? "unknown" : "retired") + " assessment "
                        + mapping.get().assessmentId()));
                continue;
            }
            targets.put(statement.activityId(), new Target(mapping.get(), definition.get().spec()));
        }
        if (!unmapped.isEmpty() || !unusable.isEmpty()) {
            throw new XapiUnprocessableException(List.copyOf(unmapped), unusable.stream().map(Problem::toString).toList());
        }
        Set<String> students = new LinkedHashSet<>();
        parsed.statements().forEach(s -> students.add(s.studentId()));
        for (String studentId : students) {
            actions.requireTeacher(viewer, studentId);
        }
        Map<String, ParsedStatement> byId = new LinkedHashMap<>();
        for (ParsedStatement statement : parsed.statements()) {
            ParsedStatement earlier = byId.putIfAbsent(statement.statementId(), statement);
            if (earlier != null && !earlier.fingerprint().equals(statement.fingerprint())) {
                throw new StatementConflictException(statement.statementId());
            }
        }
        for (ParsedStatement statement : byId.values()) {
            recorded.fingerprintOf(statement.statementId()).filter(f -> !f.equals(statement.fingerprint())).ifPresent(f -> {
                throw new StatementConflictException(statement.statementId());
            });
        }
        for (ParsedStatement statement : byId.values()) {
            Target target = targets.get(statement.activityId());
            AssessmentSpec spec = target.spec();
            commands.sendAndWait(new RecordStatement(RecordStatement.keyOf(statement.statementId()), statement.statementId(),
                    statement.studentId(), statement.activityId(), spec.assessmentId(), spec.type(), method(statement, target),
                    competencies(target), spec.masteryThreshold(), new StatementResult(statement.scaled(), statement.success()),
                    statement.observedAt(), viewer.id(), statement.fingerprint()));
        }
        return ResponseEntity.ok().header(VERSION_HEADER, "1.0.3")
                .body(parsed.statements().stream().map(ParsedStatement::statementId).toList());
    }

    private static AssessmentMethod method(ParsedStatement statement, Target target) {
        if (statement.method() != null) {
            return statement.method();
        }
        return target.mapping().method() != null ? target.mapping().method() : target.spec().method();
    }

    private static List<AlignedCompetency> competencies(Target target) {
        if (target.mapping().competencyIds().isEmpty()) {
            return target.spec().competencies();
        }
        return target.spec().competencies().stream()
                .filter(c -> target.mapping().competencyIds().contains(c.competencyId())).toList();
    }

    private record Target(ActivityMapping mapping, AssessmentSpec spec) {
    }
}

package org.mastery.curriculum.framework.integration;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mastery.curriculum.directory.query.Directory;
import org.mastery.curriculum.framework.domain.Actor;
import org.mastery.curriculum.framework.domain.CaseAssociation;
import org.mastery.curriculum.framework.domain.CompetencyContent;
import org.mastery.curriculum.framework.domain.ImportCaseFramework;
import org.mastery.curriculum.framework.domain.ImportOutcome;
import org.mastery.curriculum.framework.domain.ImportedCompetency;
import org.mastery.curriculum.framework.domain.ReimportCaseFramework;
import org.springframework.stereotype.Component;

/**
 * Imports a CASE package: reads and checks all of it first ({@link CasePackageParser}), then sends
 * one command, so a malformed or cyclic package stores nothing and an accepted one is stored in one
 * transaction. Ids are derived from the CASE identifiers (name-based UUIDs), which makes a second
 * import of the same package land on the same framework and competencies.
 */
@Component
public class CaseImport {

    private final CommandGateway commands;
    private final Directory directory;

    public CaseImport(CommandGateway commands, Directory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    /** What an import did, with what was noticed in the package. */
    public record Result(boolean created, ImportOutcome outcome, String caseDocumentId, String caseVersion, int items,
                         Map<String, Integer> associationTypes, List<CaseAssociation> documentAssociations,
                         List<String> warnings, long elapsedMillis) {
    }

    public Result importPackage(JsonNode json, Actor actor) {
        long started = System.nanoTime();
        CasePackage pkg = CasePackageParser.parse(json);
        String frameworkId = frameworkId(pkg.documentId());
        List<ImportedCompetency> competencies = pkg.items().stream()
                .map(item -> new ImportedCompetency(competencyId(pkg.documentId(), item.identifier()), content(pkg, item)))
                .toList();
        boolean exists = directory.find(frameworkId, Directory.FRAMEWORK, null).isPresent();
        ImportOutcome outcome;
        if (exists) {
            outcome = commands.sendAndWait(new ReimportCaseFramework(frameworkId, pkg.documentId(), actor, competencies));
        } else {
            commands.sendAndWait(new ImportCaseFramework(frameworkId, pkg.documentId(), pkg.title(), pkg.subject(),
                    pkg.gradeBand(), actor, competencies));
            outcome = new ImportOutcome(frameworkId, 1, "DRAFT", competencies.size(), 0, 0);
        }
        return new Result(!exists, outcome, pkg.documentId(), pkg.caseVersion(), pkg.items().size(), pkg.associationTypes(),
                pkg.documentAssociations(), pkg.warnings(), (System.nanoTime() - started) / 1_000_000);
    }

    private static CompetencyContent content(CasePackage pkg, CasePackage.Item item) {
        String parent = item.parentIdentifier() == null ? null : competencyId(pkg.documentId(), item.parentIdentifier());
        List<String> prerequisites = item.prerequisiteIdentifiers().stream()
                .map(p -> competencyId(pkg.documentId(), p)).toList();
        return new CompetencyContent(item.code(), item.statement(), null, null, parent, item.itemType(),
                item.educationLevels(), item.assessable(), item.sequence(), null, null, prerequisites, List.of(),
                item.identifier(), item.associations());
    }

    public static String frameworkId(String caseDocumentId) {
        return "fw-" + UUID.nameUUIDFromBytes(("case-document:" + caseDocumentId).getBytes(StandardCharsets.UTF_8));
    }

    public static String competencyId(String caseDocumentId, String caseItemId) {
        return "cmp-" + UUID.nameUUIDFromBytes(("case-item:" + caseDocumentId + ":" + caseItemId).getBytes(StandardCharsets.UTF_8));
    }
}

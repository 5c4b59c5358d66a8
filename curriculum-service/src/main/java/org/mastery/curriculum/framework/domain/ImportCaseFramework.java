package org.mastery.curriculum.framework.domain;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Import a CASE package as a new framework. The framework and competency ids are
 * derived from the CASE identifiers, so the same package always lands on the same framework and a
 * second import is a {@link ReimportCaseFramework}.
 */
public record ImportCaseFramework(@TargetAggregateIdentifier String frameworkId, String caseDocumentId, String title,
                                  String subject, String gradeBand, Actor actor, List<ImportedCompetency> competencies) {

    public ImportCaseFramework {
        competencies = List.copyOf(competencies);
    }
}

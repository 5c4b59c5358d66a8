package org.mastery.curriculum.framework.domain;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Import a CASE package again into the framework an earlier import created: new items are defined,
 * changed items revised (keeping what teachers added), unchanged items left alone — an identical
 * package changes nothing at all.
 */
public record ReimportCaseFramework(@TargetAggregateIdentifier String frameworkId, String caseDocumentId, Actor actor,
                                    List<ImportedCompetency> competencies) {

    public ReimportCaseFramework {
        competencies = List.copyOf(competencies);
    }
}

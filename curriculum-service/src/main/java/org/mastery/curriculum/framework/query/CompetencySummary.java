package org.mastery.curriculum.framework.query;

import java.util.List;

/** A competency as its framework lists it; the whole definition is a {@link CompetencyView}. */
public record CompetencySummary(String competencyId, String code, String statement, String studentStatement,
                                String itemType, String parentId, Integer sequence, boolean assessable,
                                List<String> prerequisiteIds, int competencyVersion, String status, String caseItemId) {
}

package org.mastery.curriculum.framework.domain;

import java.util.List;

/**
 * Everything a competency says, as one value: what teachers and students read, its place in the
 * hierarchy (domain → cluster → standard), its scale and mastery policy, prerequisites, progression
 * phases with resources, and where it came from when imported from CASE.
 *
 * @param parentId the competency above it in the hierarchy (same framework), null at the top
 * @param sequence its position among its siblings, when known
 */
public record CompetencyContent(String code, String statement, String studentStatement, String masteryDescription,
                                String parentId, String itemType, List<String> educationLevels, boolean assessable,
                                Integer sequence, Scale scale, Policy policy, List<String> prerequisiteIds,
                                List<Phase> phases, String caseItemId, List<CaseAssociation> caseAssociations) {

    public CompetencyContent {
        educationLevels = educationLevels == null ? List.of() : List.copyOf(educationLevels);
        prerequisiteIds = prerequisiteIds == null ? List.of() : List.copyOf(prerequisiteIds);
        phases = phases == null ? List.of() : List.copyOf(phases);
        caseAssociations = caseAssociations == null ? List.of() : List.copyOf(caseAssociations);
    }

    public CompetencyContent withPrerequisites(List<String> ids) {
        return new CompetencyContent(code, statement, studentStatement, masteryDescription, parentId, itemType,
                educationLevels, assessable, sequence, scale, policy, ids, phases, caseItemId, caseAssociations);
    }

    public CompetencyContent withCaseOrigin(String caseItemId, List<CaseAssociation> associations, Integer sequence) {
        return new CompetencyContent(code, statement, studentStatement, masteryDescription, parentId, itemType,
                educationLevels, assessable, sequence, scale, policy, prerequisiteIds, phases, caseItemId, associations);
    }

    /** This content with the CASE-owned fields of {@code imported}; the teacher's additions stay. */
    public CompetencyContent mergedWithImport(CompetencyContent imported) {
        java.util.LinkedHashSet<String> prerequisites = new java.util.LinkedHashSet<>(prerequisiteIds);
        prerequisites.addAll(imported.prerequisiteIds());
        return new CompetencyContent(imported.code(), imported.statement(), studentStatement, masteryDescription,
                imported.parentId(), imported.itemType(), imported.educationLevels(), imported.assessable(),
                imported.sequence(), scale, policy, List.copyOf(prerequisites), phases, imported.caseItemId(),
                imported.caseAssociations());
    }
}

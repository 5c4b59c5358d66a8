package org.mastery.contracts.curriculum;

import java.util.List;

/**
 * One version of a competency, complete: consumers keep it as they receive it.
 *
 * @param competencyVersion increments with every revision; decisions pin to it
 * @param code human coding scheme, e.g. MATH.6.RP.A.1
 * @param statement teacher-facing statement
 * @param studentStatement "I can..." statement
 * @param masteryDescription what mastery looks like
 * @param parentId parent in the hierarchy (domain, cluster), null at the top
 * @param itemType e.g. Domain, Cluster, Standard
 * @param assessable true where students are assessed and mastery is tracked
 * @param prerequisiteIds competencies that must be mastered first
 * @param phases ordered learning-progression phases
 * @param status DRAFT, PUBLISHED or RETIRED
 * @param caseItemId CASE CFItem identifier when imported
 */
public record CompetencyDefinition(
        String competencyId,
        String frameworkId,
        int frameworkVersion,
        int competencyVersion,
        String code,
        String statement,
        String studentStatement,
        String masteryDescription,
        String parentId,
        String itemType,
        List<String> educationLevels,
        boolean assessable,
        ProficiencyScale scale,
        MasteryPolicy policy,
        List<String> prerequisiteIds,
        List<ProgressionPhase> phases,
        String status,
        String caseItemId) {
}

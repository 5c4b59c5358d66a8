package org.mastery.curriculum.framework.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mastery.curriculum.framework.domain.CaseAssociation;
import org.mastery.curriculum.framework.domain.CompetencyContent;
import org.mastery.curriculum.framework.domain.Phase;
import org.mastery.curriculum.framework.domain.Scale;

/** A competency version as clients read it: the whole definition with its version numbers. */
public record CompetencyResponse(String competencyId, String frameworkId, int frameworkVersion, int competencyVersion,
                                 String status, Integer publishedVersion, String code, String statement,
                                 String studentStatement, String masteryDescription, String parentId, String itemType,
                                 List<String> educationLevels, boolean assessable, Integer sequence, Scale scale,
                                 PolicyResponse policy, List<String> prerequisiteIds, List<Phase> phases,
                                 String caseItemId, List<CaseAssociation> caseAssociations, Instant changedAt) {

    public record PolicyResponse(int policyVersion, String method, Map<String, Double> parameters, int minEvidence,
                                 List<String> requiredMethods, boolean retention) {
    }

    static CompetencyResponse of(String competencyId, String frameworkId, int frameworkVersion, int competencyVersion,
                                 int policyVersion, String status, Integer publishedVersion, CompetencyContent c,
                                 Instant changedAt) {
        return new CompetencyResponse(competencyId, frameworkId, frameworkVersion, competencyVersion, status,
                publishedVersion, c.code(), c.statement(), c.studentStatement(), c.masteryDescription(), c.parentId(),
                c.itemType(), c.educationLevels(), c.assessable(), c.sequence(), c.scale(),
                new PolicyResponse(policyVersion, c.policy().method(), c.policy().parameters(), c.policy().minEvidence(),
                        c.policy().requiredMethods(), c.policy().retention()),
                c.prerequisiteIds(), c.phases(), c.caseItemId(), c.caseAssociations(), changedAt);
    }
}

package org.mastery.assessment.competency.query;

import java.util.List;

/**
 * A competency as this service knows it from curriculum's stream.
 *
 * @param status DRAFT, PUBLISHED or RETIRED (RETIRED also when its framework was retired)
 * @param levels the values of its proficiency scale, ascending
 * @param masteryCut scores at or above it show mastery
 */
public record CatalogCompetency(String competencyId, String frameworkId, String code, int competencyVersion, String status,
                                boolean assessable, List<Integer> levels, double masteryCut) {

    public static final String RETIRED = "RETIRED";

    public boolean retired() {
        return RETIRED.equals(status);
    }
}

package org.mastery.curriculum.framework.integration;

import java.util.List;
import java.util.Map;
import org.mastery.curriculum.framework.domain.CaseAssociation;

/**
 * A CASE CFPackage read and checked as a whole: the document, its items with their place in the
 * hierarchy and their prerequisites, the associations kept as metadata, and what was noticed on the way.
 *
 * @param associationTypes how many associations of each type the package had
 * @param documentAssociations associations that involve none of the document's items (kept, counted)
 */
public record CasePackage(String documentId, String title, String subject, String gradeBand, String caseVersion,
                          List<Item> items, Map<String, Integer> associationTypes, List<CaseAssociation> documentAssociations,
                          List<String> warnings) {

    /**
     * One CFItem.
     *
     * @param parentIdentifier the CFItem it is a child of, null at the top of the document
     * @param prerequisiteIdentifiers CFItems that precede it ({@code precedes}: origin precedes destination)
     */
    public record Item(String identifier, String code, String statement, String itemType, List<String> educationLevels,
                       String parentIdentifier, Integer sequence, List<String> prerequisiteIdentifiers,
                       List<CaseAssociation> associations, boolean assessable) {
    }
}

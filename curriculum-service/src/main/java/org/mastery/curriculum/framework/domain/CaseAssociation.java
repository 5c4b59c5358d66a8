package org.mastery.curriculum.framework.domain;

/**
 * A CASE association kept as metadata of an imported competency, e.g. {@code exactMatchOf},
 * {@code isRelatedTo}, {@code exemplar} (a URL), an unknown or extension type, or a link to a node
 * outside the imported document ({@code external}).
 *
 * @param direction OUTGOING when this competency is the association's origin, INCOMING when it is its destination
 */
public record CaseAssociation(String identifier, String associationType, String direction, String nodeIdentifier,
                              String nodeUri, String nodeTitle, boolean external) {
}

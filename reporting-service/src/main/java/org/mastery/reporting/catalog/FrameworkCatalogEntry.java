package org.mastery.reporting.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A framework as reporting knows it from curriculum's stream, one document per framework. */
@Document("framework_catalog")
public record FrameworkCatalogEntry(@Id String frameworkId, int version, String title, String subject,
                                    String gradeBand, String status) {
}

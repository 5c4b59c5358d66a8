package org.mastery.curriculum.roster.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A district or school with its leaders, one document per organisation. */
@Document("roster_organizations")
public record OrganizationView(@Id String orgId, String type, String parentOrgId, String name, List<String> leaderIds,
                               Instant registeredAt) {
}

package org.mastery.curriculum.roster.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A district or school was registered. */
@Revision("1")
public record OrganizationRegistered(String orgId, String type, String parentOrgId, String name, Instant registeredAt) {
}

package org.mastery.curriculum.framework.domain;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The framework was retired; it can no longer change. */
@Revision("1")
public record FrameworkRetired(String frameworkId, int version, Instant retiredAt) {
}

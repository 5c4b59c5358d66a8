package org.mastery.progression.journey.domain;

import java.util.List;

/** A competency that has the evaluated one among its prerequisites, with all its prerequisites. */
public record Dependent(String competencyId, List<String> prerequisiteIds) {
}

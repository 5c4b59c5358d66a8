package org.mastery.progression.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mastery.contracts.curriculum.CourseDefinition;
import org.mastery.progression.catalog.query.CatalogViews;
import org.mastery.progression.journey.domain.CompetencyContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Competency contexts are kept in memory, but never outlive a change of the catalog: not on this
 * instance, and not when another instance of the service (its own memory, the same catalog) applies it.
 */
class CatalogContextCacheTest extends ProgressionIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aContextFollowsEveryChangeOfTheCatalogMadeByAnyInstance() {
        CatalogViews thisInstance = new CatalogViews(mongo);
        CatalogViews otherInstance = new CatalogViews(mongo);
        String base = id("cmp-cache-base");
        String next = id("cmp-cache-next");

        otherInstance.applyDefinition(competency(base, 1, "DECAYING_AVERAGE", Map.of("decay", 0.65), 2, List.of()));
        CompetencyContext first = thisInstance.context(base);
        assertThat(first.policy().policyVersion()).isEqualTo(1);
        assertThat(thisInstance.context(base)).as("unchanged catalog: the same context").isSameAs(first);

        otherInstance.applyDefinition(competency(base, 2, "HIGHEST", Map.of(), 1, List.of()));
        CompetencyContext second = thisInstance.context(base);
        assertThat(second.policy().policyVersion()).as("a new policy version from the other instance").isEqualTo(2);
        assertThat(second.policy().method()).isEqualTo("HIGHEST");

        otherInstance.applyDefinition(competency(next, 1, "HIGHEST", Map.of(), 1, List.of(base)));
        assertThat(thisInstance.context(base).dependents()).as("a new dependent").extracting(d -> d.competencyId())
                .containsExactly(next);

        otherInstance.applyCourse(new CourseDefinition(id("crs-cache"), 1, "MATH-6", "Ratios", "Mathematics", 0.5, List.of(base, next)));
        assertThat(thisInstance.context(base).courses()).as("a new course").hasSize(1);

        otherInstance.retire(next, 1);
        assertThat(thisInstance.context(base).dependents()).as("a retired dependent no longer counts").isEmpty();
    }
}

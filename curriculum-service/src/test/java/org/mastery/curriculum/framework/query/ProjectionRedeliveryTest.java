package org.mastery.curriculum.framework.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mastery.curriculum.framework.domain.CompetencyContent;
import org.mastery.curriculum.framework.domain.CompetencyDefined;
import org.mastery.curriculum.framework.domain.CompetencyPublished;
import org.mastery.curriculum.framework.domain.CompetencyRevised;
import org.mastery.curriculum.framework.domain.CompetencyRules;
import org.mastery.curriculum.framework.domain.FrameworkDrafted;
import org.mastery.curriculum.framework.domain.FrameworkPublished;
import org.mastery.curriculum.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Given events → the expected documents, and the same documents when the events are delivered again. */
class ProjectionRedeliveryTest extends ApiTest {

    static final Instant T = Instant.parse("2026-11-25T09:00:00Z");

    @Autowired
    FrameworkProjection projection;

    @Autowired
    MongoTemplate mongo;

    static CompetencyContent content(String code, String statement, String... prerequisites) {
        return CompetencyRules.normalize(new CompetencyContent(code, statement, null, null, null, null, List.of(), true, null,
                null, null, List.of(prerequisites), List.of(), null, List.of()));
    }

    void applyAll(String fw) {
        projection.on(new FrameworkDrafted(fw, 1, "Ratios", "Mathematics", "6-7", "tch-1", T, null));
        projection.on(new CompetencyDefined(fw, 1, fw + "-a", 1, 1, content("A", "first"), T));
        projection.on(new CompetencyDefined(fw, 1, fw + "-b", 1, 1, content("B", "second", fw + "-a"), T));
        projection.on(new CompetencyPublished(fw, 1, fw + "-a", 2, 1, 1, content("A", "first"), T));
        projection.on(new CompetencyPublished(fw, 1, fw + "-b", 2, 1, 1, content("B", "second", fw + "-a"), T));
        projection.on(new FrameworkPublished(fw, 1, List.of(fw + "-a", fw + "-b"), T));
        projection.on(new FrameworkDrafted(fw, 2, "Ratios", "Mathematics", "6-7", "tch-2", T, null));
        projection.on(new CompetencyRevised(fw, 2, fw + "-b", 3, 2, 1, content("B", "reworded", fw + "-a"), true, T));
    }

    @Test
    void theFrameworkViewsAreTheSameAfterARedelivery() {
        String fw = unique("fw");
        applyAll(fw);
        FrameworkView framework = mongo.findById(fw, FrameworkView.class);
        CompetencyView b = mongo.findById(fw + "-b", CompetencyView.class);
        assertThat(framework.version()).isEqualTo(2);
        assertThat(framework.status()).isEqualTo("DRAFT");
        assertThat(framework.publishedVersion()).isEqualTo(1);
        assertThat(framework.ownerId()).isEqualTo("tch-1");
        assertThat(framework.authorId()).isEqualTo("tch-2");
        assertThat(framework.competencies().get(fw + "-b").statement()).isEqualTo("reworded");
        assertThat(framework.competencies().get(fw + "-b").prerequisiteIds()).containsExactly(fw + "-a");
        assertThat(b.status()).isEqualTo("DRAFT");
        assertThat(b.competencyVersion()).isEqualTo(3);
        assertThat(b.publishedVersion()).isEqualTo(2);
        assertThat(mongo.findById(CompetencyVersionView.idOf(fw + "-b", 2), CompetencyVersionView.class).content().statement())
                .isEqualTo("second");

        applyAll(fw);
        assertThat(mongo.findById(fw, FrameworkView.class)).isEqualTo(framework);
        assertThat(mongo.findById(fw + "-b", CompetencyView.class)).isEqualTo(b);
    }
}

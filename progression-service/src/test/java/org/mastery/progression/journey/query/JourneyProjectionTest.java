package org.mastery.progression.journey.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.mastery.progression.catalog.query.CatalogViews;
import org.mastery.progression.journey.domain.EvidenceAccepted;
import org.mastery.progression.journey.domain.EvidenceUsed;
import org.mastery.progression.journey.domain.Explanation;
import org.mastery.progression.journey.domain.GoalAchieved;
import org.mastery.progression.journey.domain.GoalSet;
import org.mastery.progression.journey.domain.MasteryLevelChanged;
import org.mastery.progression.journey.domain.MasteryState;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Given journey events, the progression document; a redelivered event changes nothing. */
class JourneyProjectionTest {

    static final Instant T = Instant.parse("2026-10-01T09:00:00Z");

    MongoTemplate mongo = mock(MongoTemplate.class);
    CatalogViews catalog = mock(CatalogViews.class);
    JourneyProjection projection = new JourneyProjection(mongo, catalog);
    ProgressionView stored = new ProgressionView();

    void deliver(long sequence, Object payload) {
        projection.on(payload, new GenericDomainEventMessage<>("StudentJourney", "stu-1", sequence, payload));
    }

    @Test
    void eventsBuildTheDocumentAndRedeliveriesAreSkipped() {
        stored.studentId = "stu-1";
        when(mongo.findById("stu-1", ProgressionView.class)).thenReturn(stored);
        when(mongo.save(any(ProgressionView.class))).thenAnswer(i -> i.getArgument(0));
        Explanation explanation = new Explanation("DECAYING_AVERAGE", Map.of("w", 0.65), 1, 1, 3.0, 2, List.of(), List.of(),
                List.of(new EvidenceUsed("e1", 2.0, T, "SELECTED_RESPONSE"), new EvidenceUsed("e2", 4.0, T.plusSeconds(60), "SELECTED_RESPONSE")),
                3.3, "MASTERED", null);

        deliver(0, new GoalSet("g1", "stu-1", "c1", LocalDate.parse("2026-12-01")));
        deliver(1, new EvidenceAccepted("stu-1", "e1", "c1", 2.0, "SELECTED_RESPONSE", "FORMATIVE", null, T));
        deliver(2, new EvidenceAccepted("stu-1", "e2", "c1", 4.0, "SELECTED_RESPONSE", "FORMATIVE", null, T.plusSeconds(60)));
        deliver(3, new MasteryLevelChanged("stu-1", "c1", MasteryState.MASTERED, "ph-secure", 3.3, 3, 2, explanation));
        deliver(4, new GoalAchieved("g1", "stu-1", "c1"));
        // redelivery after a crash between the MongoDB write and the stored position
        deliver(2, new EvidenceAccepted("stu-1", "e2", "c1", 4.0, "SELECTED_RESPONSE", "FORMATIVE", null, T.plusSeconds(60)));
        deliver(3, new MasteryLevelChanged("stu-1", "c1", MasteryState.MASTERED, "ph-secure", 3.3, 3, 2, explanation));

        ProgressionView.CompetencyProgress c = stored.find("c1");
        assertThat(c.state).isEqualTo("MASTERED");
        assertThat(c.value).isEqualTo(3.3);
        assertThat(c.level).isEqualTo(3);
        assertThat(c.phaseId).isEqualTo("ph-secure");
        assertThat(c.evidenceCount).isEqualTo(2);
        assertThat(c.lastEvidenceAt).isEqualTo(T.plusSeconds(60));
        assertThat(c.explanation).isEqualTo(explanation);
        assertThat(stored.goals).singleElement().satisfies(g -> assertThat(g.achieved()).isTrue());
        assertThat(stored.appliedThrough).isEqualTo(4);
        verify(catalog, times(1)).addStudent("c1", "stu-1");
    }
}

package org.mastery.progression.security;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mastery.access.AccessGuard;
import org.mastery.access.Role;
import org.mastery.access.Viewer;
import org.mastery.contracts.access.AccessTopics;
import org.mastery.contracts.progression.ProgressionTopics;
import org.mastery.progression.catalog.query.CatalogViews;
import org.mastery.progression.it.ProgressionIntegrationTest;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.badinput.BadInputSuite;
import org.mastery.testsupport.badinput.StoredRows;
import org.mastery.testsupport.bola.RosterFixture;
import org.mastery.testsupport.http.ApiEndpoints;
import org.mastery.testsupport.http.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bad-input corpus against every write endpoint of progression: each bad request is a 4xx problem
 * with a detail, nothing is stored (event log, the journey's text table) or published, and the valid
 * request is accepted.
 */
class BadInputCorpusTest extends ProgressionIntegrationTest {

    static final RosterFixture ROSTER = RosterFixture.create();
    static final String COMPETENCY = "cmp-corpus-" + ROSTER.suffix;

    @LocalServerPort
    int port;
    @Autowired
    AccessGuard access;
    @Autowired
    CatalogViews catalog;
    @Autowired
    DataSource dataSource;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    BadInputSuite suite() {
        BadInputSuite suite = BadInputSuite.against(RawHttp.localhost(port),
                StoredRows.of(dataSource).table("journey_text").table("override_expiry"));
        String student = TestIdentity.token(ROSTER.studentA, "STUDENT");
        String teacher = TestIdentity.token(ROSTER.teacherA, "TEACHER");
        suite.post("/api/students/{studentId}/goals").as(() -> student).path(this::ownStudent)
                .jsonBody(() -> Map.of("competencyId", COMPETENCY, "targetDate", LocalDate.now().plusDays(30).toString(),
                        "note", "before the break"));
        suite.post("/api/students/{studentId}/reflections").as(() -> student).path(this::ownStudent)
                .jsonBody(() -> Map.of("competencyId", COMPETENCY, "text", "Ratios finally make sense"));
        suite.put("/api/students/{studentId}/peer-tutoring").as(() -> student).path(this::ownStudent)
                .jsonBody(() -> Map.of("optedIn", true));
        suite.post("/api/students/{studentId}/competencies/{competencyId}/override").as(() -> teacher)
                .path(() -> Map.of("studentId", ownStudent().get("studentId"), "competencyId", COMPETENCY))
                .jsonBody(() -> Map.of("state", "MASTERED", "reasonCode", "OBSERVED_IN_CLASS", "reason", "Explained it at the board",
                        "expiresAt", Instant.now().plus(Duration.ofDays(30)).toString()));
        return suite;
    }

    static volatile boolean ready;

    Map<String, String> ownStudent() {
        if (!ready) {
            ROSTER.feed(FEED);
            define(competency(COMPETENCY, 1, "DECAYING_AVERAGE", Map.of(), 2, List.of()));
            BolaMatrixTest.await("the roster and the competency", () -> catalog.competency(COMPETENCY).isPresent()
                    && access.policy().canTeachStudent(Viewer.of(ROSTER.teacherA, Role.TEACHER), ROSTER.studentA));
            ready = true;
        }
        return Map.of("studentId", ROSTER.studentA);
    }

    @TestFactory
    Stream<DynamicNode> everyWriteEndpointRefusesBadInputAndStoresNothing() {
        return suite().tests(ProgressionTopics.DECISIONS, ProgressionTopics.JOURNEYS, AccessTopics.PROGRESSION_DISCLOSURES);
    }

    @Test
    void theCorpusRunsAgainstEveryWriteEndpoint() {
        suite().assertCovers(ApiEndpoints.writes(mappings));
    }
}

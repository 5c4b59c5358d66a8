package org.mastery.reporting.security;

import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mastery.contracts.access.AccessTopics;
import org.mastery.reporting.ReportingIntegrationTest;
import org.mastery.reporting.projection.integration.ProjectionRebuilder;
import org.mastery.testsupport.TestIdentity;
import org.mastery.testsupport.badinput.BadInputSuite;
import org.mastery.testsupport.badinput.StoredRows;
import org.mastery.testsupport.http.ApiEndpoints;
import org.mastery.testsupport.http.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bad-input corpus against reporting's one write endpoint (start a rebuild, which takes no body):
 * every body is refused with a 4xx problem and no rebuild starts. (The control — a rebuild that starts —
 * is {@code RebuildTest}'s: starting one here would empty the views under the other tests.)
 */
class BadInputCorpusTest extends ReportingIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionRebuilder rebuilder;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    BadInputSuite suite() {
        BadInputSuite suite = BadInputSuite.against(RawHttp.localhost(port),
                StoredRows.of(dataSource).value("the last rebuild's start", () -> String.valueOf(rebuilder.status().startedAt())));
        String admin = TestIdentity.token("adm-corpus", "ADMIN");
        suite.post("/api/reports/admin/rebuild").as(() -> admin).withoutControl();
        return suite;
    }

    @TestFactory
    Stream<DynamicNode> everyWriteEndpointRefusesBadInputAndStoresNothing() {
        return suite().tests(AccessTopics.REPORTING_DISCLOSURES);
    }

    @Test
    void theCorpusRunsAgainstEveryWriteEndpoint() {
        suite().assertCovers(ApiEndpoints.writes(mappings));
    }
}

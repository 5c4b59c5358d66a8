package org.mastery.gateway.support;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mastery.gateway.GatewayApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context every gateway integration test shares: the real gateway on a random port,
 * four stub services on loopback ports standing in for curriculum, assessment, progression and
 * reporting, and a test token issuer whose JWKS the gateway trusts. Small limits and timeouts make
 * the resilience paths quick to reach.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "mastery.gateway.timeouts.response-ms=1500",
                "mastery.gateway.timeouts.connect-ms=1000",
                "mastery.gateway.rate-limit.capacity=20",
                "mastery.gateway.rate-limit.refill-per-second=0.05",
                "mastery.gateway.cors.allowed-origins=https://app.district.example,https://*.schools.example",
                "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=60s",
                "management.endpoint.health.show-details=when-authorized",
                // a test client may leave a deliberately refused streamed upload half-sent; graceful
                // shutdown would then wait its full 30 s for it when the test JVM exits
                "server.shutdown=immediate"
        })
public abstract class GatewayTestBase {

    public static final StubService CURRICULUM = new StubService("curriculum-service");
    public static final StubService ASSESSMENT = new StubService("assessment-service");
    public static final StubService PROGRESSION = new StubService("progression-service");
    public static final StubService REPORTING = new StubService("reporting-service");

    public static final Map<String, StubService> STUBS = stubs();

    @Autowired
    protected WebTestClient client;

    @Autowired
    protected CircuitBreakerRegistry circuitBreakers;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        registry.add("CURRICULUM_SERVICE_URL", CURRICULUM::url);
        registry.add("ASSESSMENT_SERVICE_URL", ASSESSMENT::url);
        registry.add("PROGRESSION_SERVICE_URL", PROGRESSION::url);
        registry.add("REPORTING_SERVICE_URL", REPORTING::url);
        registry.add("OIDC_ISSUER_URI", () -> TestTokens.ISSUER);
        registry.add("OIDC_JWK_SET_URI", () -> TestTokens.instance().jwkSetUri());
    }

    @BeforeEach
    void everyServiceUpAndEveryBreakerClosed() {
        client = client.mutate().responseTimeout(Duration.ofSeconds(15)).build();
        STUBS.values().forEach(StubService::start);
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @AfterEach
    void restoreServices() {
        STUBS.values().forEach(StubService::start);
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    /** A token for a fresh subject, so each test has its own rate-limit bucket. */
    protected static String freshToken(String... roles) {
        return TestTokens.token("user-" + UUID.randomUUID(), roles.length == 0 ? new String[] {"TEACHER"} : roles);
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }

    private static Map<String, StubService> stubs() {
        Map<String, StubService> stubs = new LinkedHashMap<>();
        for (StubService stub : new StubService[] {CURRICULUM, ASSESSMENT, PROGRESSION, REPORTING}) {
            stubs.put(stub.name(), stub);
        }
        return stubs;
    }
}

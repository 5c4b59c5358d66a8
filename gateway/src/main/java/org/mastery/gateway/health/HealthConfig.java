package org.mastery.gateway.health;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mastery.gateway.config.GatewayProperties;
import org.springframework.boot.actuate.health.CompositeReactiveHealthContributor;
import org.springframework.boot.actuate.health.ReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@code GET /actuator/health} shows the whole system: the gateway's own checks plus a
 * {@code services} component with each downstream service's readiness. (Probes for the gateway
 * itself use {@code /actuator/health/liveness} and {@code /actuator/health/readiness}, which do
 * not depend on the services.)
 */
@Configuration
public class HealthConfig {

    @Bean("services")
    public ReactiveHealthContributor servicesHealth(GatewayProperties properties, WebClient.Builder builder) {
        WebClient client = builder.build();
        Map<String, DownstreamHealthIndicator> indicators = new LinkedHashMap<>();
        properties.services().forEach((name, service) -> indicators.put(name, new DownstreamHealthIndicator(
                name, service.url(), properties.health().path(), properties.health().timeout(), client)));
        return CompositeReactiveHealthContributor.fromMap(indicators);
    }
}
